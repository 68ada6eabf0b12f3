export * from './lib/api-config';
export * from './lib/api-error';
export * from './lib/communes-api';
