export * from './lib/roles';
export * from './lib/communes';
export * from './lib/problem';
export * from './lib/transparency';
export * from './lib/participation';
export * from './lib/branding';
export * from './lib/monitoring';
export * from './lib/council-sessions';
