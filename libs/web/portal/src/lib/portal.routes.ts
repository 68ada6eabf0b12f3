import type { Routes } from '@angular/router';
import { CommuneDirectoryPage } from './commune-directory/commune-directory-page';
import { NotFoundPage } from './not-found/not-found-page';

/** Public pages, lazy-loaded by the web app at its root. */
export const portalRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    component: CommuneDirectoryPage,
    title: 'Annuaire des communes · Communes+',
  },
  {
    path: '**',
    component: NotFoundPage,
    title: 'Page introuvable · Communes+',
  },
];
