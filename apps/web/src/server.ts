import { AngularNodeAppEngine } from '@angular/ssr/node';

/**
 * The server-side renderer of the web app, loaded by the API (libs/api/bootstrap), which serves
 * the built app on its own port: no server of its own here. The API builds each request on its
 * own loopback origin (never the Host a client sent), so only that host is allowed, and the
 * app's relative API URLs resolve to the API itself.
 */
const engine = new AngularNodeAppEngine({ allowedHosts: ['127.0.0.1'] });

/**
 * The page for `request` (a GET of an HTML page): server-rendered HTML for the public pages,
 * the client-rendered shell for the others, null when no route of the app matches.
 */
export function renderPage(request: Request): Promise<Response | null> {
  return engine.handle(request);
}
