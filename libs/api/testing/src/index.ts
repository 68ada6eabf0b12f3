export * from './lib/test-context';
export * from './lib/isolation-matrix';
