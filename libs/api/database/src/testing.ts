// Test helpers: a real PostgreSQL per Jest run and a database per test file.
export * from './lib/testing/test-postgres';
