export * from './lib/test-context';
