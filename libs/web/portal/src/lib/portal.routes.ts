import type { Routes } from '@angular/router';
import { CommuneDirectoryPage } from './commune-directory/commune-directory-page';
import { NotFoundPage } from './not-found/not-found-page';
import { portalI18n } from './portal.i18n';

/**
 * Public pages, lazy-loaded by the web app at its root. Titles are translation keys
 * (see TranslatedTitleStrategy in @communes/web-ui).
 */
export const portalRoutes: Routes = [
  {
    path: '',
    providers: [portalI18n],
    children: [
      {
        path: '',
        pathMatch: 'full',
        component: CommuneDirectoryPage,
        title: 'portal.directory.title',
      },
      {
        path: 'communes',
        pathMatch: 'full',
        component: CommuneDirectoryPage,
        title: 'portal.directory.title',
      },
      {
        path: '**',
        component: NotFoundPage,
        title: 'portal.notFound.title',
      },
    ],
  },
];
