export * from './lib/good-practices.routes';
