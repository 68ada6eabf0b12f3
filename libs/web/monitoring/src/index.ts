export * from './lib/monitoring.routes';
export * from './lib/monitoring-api';
