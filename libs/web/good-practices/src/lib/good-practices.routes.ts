import type { Routes } from '@angular/router';
import { communeMemberGuard, platformRoleGuard } from '@communes/web-auth';
import { practicesI18n } from './good-practices.i18n';

/**
 * Lazy routes of the good practice pages, each page a chunk of its own. The app mounts them:
 * `bonnes-pratiques` → libraryRoutes (public), `console/:slug/bonnes-pratiques` →
 * communePracticesRoutes (the commune's staff), `ancb/bonnes-pratiques` → reviewRoutes (ANCB).
 */
export const libraryRoutes: Routes = [
  {
    path: '',
    providers: [practicesI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'practices.library.title', loadComponent: () => import('./pages/library-page').then((m) => m.LibraryPage) },
      { path: ':id', title: 'practices.library.title', loadComponent: () => import('./pages/practice-page').then((m) => m.PracticePage) },
    ],
  },
];

/** Any member reads; admins and editors write and submit (the API checks too). */
export const communePracticesRoutes: Routes = [
  {
    path: '',
    canActivate: [communeMemberGuard()],
    providers: [practicesI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'practices.console.title', loadComponent: () => import('./pages/commune-practices-page').then((m) => m.CommunePracticesPage) },
      { path: 'nouvelle', title: 'practices.console.newTitle', loadComponent: () => import('./pages/commune-practice-page').then((m) => m.CommunePracticePage) },
      { path: ':id', title: 'practices.console.title', loadComponent: () => import('./pages/commune-practice-page').then((m) => m.CommunePracticePage) },
    ],
  },
];

export const reviewRoutes: Routes = [
  {
    path: '',
    canActivate: [platformRoleGuard('platform_admin')],
    providers: [practicesI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'practices.review.title', loadComponent: () => import('./pages/review-queue-page').then((m) => m.ReviewQueuePage) },
      { path: ':slug/:id', title: 'practices.review.title', loadComponent: () => import('./pages/review-page').then((m) => m.ReviewPage) },
    ],
  },
];
