// Generates dist/apps/web/browser/sw.js with Workbox after the Angular build (`nx build web`).
// Registered by @communes/web-pwa. What it keeps, and why:
// - pages: the server renders the public pages (apps/web/src/server.ts, served by the API); a
//   page is asked from the network first and the last copy kept, so a visited page reloads
//   offline as it was (its data travels inside it). A page never visited falls back, offline, on
//   the client-rendered shell (index.html), which then shows what the API cache holds.
// - precached: only what the first page needs (index.html, the scripts and styles it loads, the
//   manifest and icons). Lazy chunks are cached when visited, not downloaded ahead: mobile data
//   is expensive for the citizens this serves.
// - public API reads (GET /api/v1/… without Authorization): network first, the last answer kept,
//   so a visited page reloads offline. Signed-in requests are never cached (shared phones).
// - document files: cache first once downloaded (a version's bytes never change).
// - no write is ever handled here: offline, it fails visibly and the form keeps its values.
import { copyFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';

const root = join(import.meta.dirname, '../../../dist/apps/web/browser');
// With server rendering, Angular names the client-rendered shell index.csr.html (so that a plain
// static server would not serve it for '/'); the API and this worker know it as index.html.
if (existsSync(join(root, 'index.csr.html'))) await copyFile(join(root, 'index.csr.html'), join(root, 'index.html'));
const index = await readFile(join(root, 'index.html'), 'utf8');
const initialAssets = [...index.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1].replace(/^\//, ''));

const { count, size, warnings } = await generateSW({
  globDirectory: root,
  globPatterns: ['index.html', 'favicon.ico', 'manifest.webmanifest', 'icons/*', ...initialAssets],
  swDest: join(root, 'sw.js'),
  mode: 'production',
  sourcemap: false,
  inlineWorkboxRuntime: true,
  clientsClaim: true,
  skipWaiting: true,
  cleanupOutdatedCaches: true,
  // Angular names built files by content hash: their URL is their version.
  dontCacheBustURLsMatching: /-[A-Z0-9]{8}\.(?:js|css)$/,
  runtimeCaching: [
    {
      urlPattern: ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && !url.pathname.startsWith('/api/'),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'pages',
        networkTimeoutSeconds: 8,
        expiration: { maxEntries: 50, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
        cacheableResponse: { statuses: [200] },
        plugins: [
          {
            // Offline and never visited: the shell, which renders from the API cache.
            handlerDidError: async () => (await caches.match('/index.html', { ignoreSearch: true })) ?? Response.error(),
          },
        ],
      },
    },
    {
      urlPattern: ({ url, request }) =>
        url.origin === self.location.origin &&
        /^\/api\/v1\/communes\/[^/]+\/documents\/[^/]+\/versions\/[^/]+\/download$/.test(url.pathname) &&
        !request.headers.has('authorization'),
      handler: 'CacheFirst',
      options: { cacheName: 'documents', expiration: { maxEntries: 30, purgeOnQuotaError: true }, cacheableResponse: { statuses: [200] } },
    },
    {
      urlPattern: ({ url, request }) =>
        url.origin === self.location.origin &&
        url.pathname.startsWith('/api/v1/') &&
        !request.headers.has('authorization') &&
        // Live session events (server-sent events) never end: straight to the network, never cached.
        !(request.headers.get('accept') ?? '').includes('text/event-stream'),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'api',
        networkTimeoutSeconds: 8,
        expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
        cacheableResponse: { statuses: [200] },
      },
    },
    {
      urlPattern: ({ url, request }) => url.origin === self.location.origin && ['script', 'style', 'font', 'image'].includes(request.destination),
      handler: 'CacheFirst',
      options: { cacheName: 'assets', expiration: { maxEntries: 150, purgeOnQuotaError: true }, cacheableResponse: { statuses: [200] } },
    },
  ],
});
for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(`service worker: ${count} files precached (${Math.round(size / 1024)} kB)`);
