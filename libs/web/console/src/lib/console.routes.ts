import type { Routes } from '@angular/router';
import { communeMemberGuard, signedInGuard } from '@communes/web-auth';
import { consoleI18n } from './console.i18n';

/** `/console/...`, lazy: signed-in users; each commune's pages for its staff (members: its admins). */
export const consoleRoutes: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    providers: [consoleI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'console.home.title', loadComponent: () => import('./pages/console-home-page').then((m) => m.ConsoleHomePage) },
      {
        path: ':slug',
        canActivate: [communeMemberGuard()],
        loadComponent: () => import('./pages/console-layout').then((m) => m.ConsoleLayout),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'documents' },
          { path: 'documents', title: 'console.documents.title', loadComponent: () => import('./pages/documents-page').then((m) => m.DocumentsPage) },
          { path: 'imports', title: 'console.imports.title', loadComponent: () => import('./pages/imports-page').then((m) => m.ImportsPage) },
          { path: 'agenda', title: 'console.agenda.title', loadComponent: () => import('./pages/agenda-page').then((m) => m.AgendaPage) },
          { path: 'actualites', title: 'console.news.title', loadComponent: () => import('./pages/news-page').then((m) => m.NewsPage) },
          { path: 'seances', title: 'console.sessions.title', loadComponent: () => import('./pages/sessions-page').then((m) => m.SessionsPage) },
          { path: 'seances/:id', title: 'console.sessions.control.title', loadComponent: () => import('./pages/session-control-page').then((m) => m.SessionControlPage) },
          { path: 'debats', title: 'console.debates.title', loadComponent: () => import('./pages/debates-page').then((m) => m.DebatesPage) },
          { path: 'debats/:id', title: 'console.debates.title', loadComponent: () => import('./pages/debate-page').then((m) => m.DebatePage) },
          {
            path: 'identite',
            title: 'console.branding.title',
            canActivate: [communeMemberGuard('admin')],
            loadComponent: () => import('./pages/branding-page').then((m) => m.BrandingPage),
          },
          {
            path: 'membres',
            title: 'console.members.title',
            canActivate: [communeMemberGuard('admin')],
            loadComponent: () => import('./pages/members-page').then((m) => m.MembersPage),
          },
        ],
      },
    ],
  },
];
