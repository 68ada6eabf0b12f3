export * from './lib/participation.routes';
