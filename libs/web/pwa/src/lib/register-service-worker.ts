/**
 * Registers the service worker that the production build generates (`sw.js`, Workbox: see
 * apps/web/scripts/generate-service-worker.mjs), once the page has loaded so that it never
 * competes with the first render on a slow connection. Not in development (`ng serve` has none).
 */
export function registerServiceWorker(options: { production: boolean; url?: string }): void {
  if (!options.production || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(options.url ?? '/sw.js').catch((error: unknown) => {
      // Offline support is a bonus: the site works without it.
      console.warn('Service worker not registered', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
