export * from './lib/participation.routes';
export * from './lib/moderation/report-button';
export * from './lib/moderation/hidden-notice';
