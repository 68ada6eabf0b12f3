/**
 * Registers the service worker that the production build generates (`sw.js`, Workbox: see
 * apps/web/scripts/generate-service-worker.mjs) once the page has loaded, `after` has resolved
 * (the app is stable: it has taken the page over and shown its first route) and the browser is
 * idle. Installing the worker downloads and stores the app's files again and runs Workbox: begun
 * at `load`, it overlapped the app's take-over of a server-rendered page, on a phone's few cores
 * (Lighthouse's search page: 5 points less, measured). Not in development (`ng serve` has none).
 */
export function registerServiceWorker(options: {
  production: boolean;
  url?: string;
  after?: Promise<unknown>;
}): void {
  if (
    !options.production ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  )
    return;
  const register = () => {
    navigator.serviceWorker
      .register(options.url ?? '/sw.js')
      .catch((error: unknown) => {
        // Offline support is a bonus: the site works without it.
        console.warn('Service worker not registered', error);
      });
  };
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  Promise.all([loaded, options.after])
    .then(() => {
      // Safari before 16.4 has no requestIdleCallback.
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(register, { timeout: 5000 });
      else setTimeout(register, 1000);
    })
    // The app did not start: nothing to keep offline.
    .catch(() => undefined);
}
