export * from './lib/api-audit';
