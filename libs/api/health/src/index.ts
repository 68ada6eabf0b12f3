export * from './lib/api-health';
