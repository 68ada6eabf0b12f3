export * from './lib/api-communes';
