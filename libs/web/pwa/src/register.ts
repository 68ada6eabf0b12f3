/** Light entry point for main.ts: only the service worker registration, nothing of Angular. */
export { registerServiceWorker } from './lib/register-service-worker';
