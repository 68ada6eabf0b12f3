export * from './lib/shared-permissions';
