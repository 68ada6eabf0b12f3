export * from './lib/console.routes';
export * from './lib/console-api';
