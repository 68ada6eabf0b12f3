export * from './lib/database.module';
export * from './lib/tenant/tenant-transaction';
export * from './lib/migrate';
export * from './lib/embedded/embedded-postgres';
export * from './lib/embedded/provision-database';
export * from './lib/seed/seed';
export * from './lib/seed/workspace-root';
export * from './lib/tenant/data-scope';
