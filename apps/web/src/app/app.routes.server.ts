import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * Which pages the server renders. The public pages (home, directory, search, a commune's pages,
 * doléances and consultations, tracking) arrive as HTML with their data, so a phone on a slow
 * connection reads them before the app has booted; the app then takes over the same DOM
 * (hydration). Pages behind a sign-in (consoles, ANCB, ministry) and the account pages depend
 * on the session, which lives in the browser only: they are rendered there. So are the pages
 * that are mostly a form (sending a doléance, answering a consultation): what a reader types or
 * picks before the app has taken over a server-rendered form would be lost when it does.
 */
export const serverRoutes: ServerRoute[] = [
  { path: 'communes/:slug/doleances/nouvelle', renderMode: RenderMode.Client },
  { path: 'communes/:slug/consultations/:id', renderMode: RenderMode.Client },
  { path: 'console/**', renderMode: RenderMode.Client },
  { path: 'ancb/**', renderMode: RenderMode.Client },
  { path: 'ministere/**', renderMode: RenderMode.Client },
  { path: 'connexion', renderMode: RenderMode.Client },
  { path: 'inscription', renderMode: RenderMode.Client },
  { path: 'invitations/:token', renderMode: RenderMode.Client },
  { path: 'acces-refuse', renderMode: RenderMode.Client },
  { path: '**', renderMode: RenderMode.Server },
];
