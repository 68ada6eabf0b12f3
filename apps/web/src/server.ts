import { AngularNodeAppEngine } from '@angular/ssr/node';
import { RenderMode } from '@angular/ssr';
import { serverRoutes } from './app/app.routes.server';

/**
 * The server-side renderer of the web app, loaded by the API (libs/api/bootstrap), which serves
 * the built app on its own port: no server of its own here. The API builds each request on its
 * own loopback origin (never the Host a client sent), so only that host is allowed, and the
 * app's relative API URLs resolve to the API itself.
 */
const engine = new AngularNodeAppEngine({ allowedHosts: ['127.0.0.1'] });

/** The paths rendered in the browser (app.routes.server.ts), as segment patterns. */
const clientRendered = serverRoutes
  .filter((route) => route.renderMode === RenderMode.Client)
  .map((route) => route.path.split('/'));

function isClientRendered(pathname: string): boolean {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return clientRendered.some(
    (pattern) =>
      (pattern.at(-1) === '**'
        ? segments.length >= pattern.length - 1
        : segments.length === pattern.length) &&
      pattern.every(
        (part, i) =>
          part === '**' || part.startsWith(':') || part === segments[i],
      ),
  );
}

/**
 * The page for `request` (a GET of an HTML page): server-rendered HTML for the public pages;
 * null for the pages rendered in the browser (the API then sends the app's index.html) and
 * when no route of the app matches. The engine is not asked for the browser-rendered pages:
 * it would answer their `redirectTo` routes with an HTTP redirect before the browser's guards
 * could refuse them (the console at /console/<other commune> must say "Accès refusé" there).
 */
export function renderPage(request: Request): Promise<Response | null> {
  if (isClientRendered(new URL(request.url).pathname)) {
    return Promise.resolve(null);
  }
  return engine.handle(request);
}
