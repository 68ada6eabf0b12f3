export * from './lib/online-status.service';
export * from './lib/offline-banner';
export * from './lib/register-service-worker';
