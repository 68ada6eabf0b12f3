import type { Routes } from '@angular/router';
import { CommuneDirectoryPage } from './commune-directory/commune-directory-page';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found/not-found-page';
import { translationsReady } from '@communes/web-ui';
import { portalI18n } from './portal.i18n';

/**
 * Public pages, lazy-loaded by the web app at its root; the home and directory come with the
 * routes, the search and commune pages are lazy chunks of their own.
 * Titles are translation keys (see TranslatedTitleStrategy in @communes/web-ui). The commune
 * sections use the paths of the API's search records (`/communes/:slug/documents/:id`, ...).
 */
export const portalRoutes: Routes = [
  {
    path: '',
    providers: [portalI18n],
    canActivate: [translationsReady],
    children: [
      {
        path: '',
        pathMatch: 'full',
        // The landing page: in the portal's first chunk, not one more round trip away.
        component: HomePage,
        title: 'portal.home.title',
      },
      {
        path: 'recherche',
        loadComponent: () =>
          import('./search/search-page').then((m) => m.SearchPage),
        title: 'portal.search.title',
      },
      {
        path: 'communes',
        pathMatch: 'full',
        component: CommuneDirectoryPage,
        title: 'portal.directory.title',
      },
      {
        path: 'communes/:slug',
        loadChildren: () =>
          import('./commune/commune.routes').then((m) => m.communeRoutes),
      },
      {
        path: '**',
        component: NotFoundPage,
        title: 'portal.notFound.title',
      },
    ],
  },
];
