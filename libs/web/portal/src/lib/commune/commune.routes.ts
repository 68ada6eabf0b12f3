import type { Routes } from '@angular/router';
import { CommuneLayout } from './commune-layout';
import { CommuneOverview } from './overview/commune-overview';

/**
 * A commune's page: the layout and its overview in one chunk, each other section a small lazy
 * chunk of its own (a phone parses only what the visitor opens).
 */
export const communeRoutes: Routes = [
  {
    path: '',
    component: CommuneLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        component: CommuneOverview,
        title: 'portal.commune.tab.overview',
      },
      {
        path: 'agenda',
        loadComponent: () =>
          import('./agenda/commune-agenda').then((m) => m.CommuneAgenda),
        title: 'portal.commune.tab.agenda',
      },
      {
        path: 'agenda/:id',
        loadComponent: () =>
          import('./agenda/agenda-event-page').then((m) => m.AgendaEventPage),
        title: 'portal.commune.tab.agenda',
      },
      {
        path: 'actualites',
        loadComponent: () =>
          import('./news/commune-news').then((m) => m.CommuneNews),
        title: 'portal.commune.tab.news',
      },
      {
        path: 'actualites/:id',
        loadComponent: () =>
          import('./news/news-article-page').then((m) => m.NewsArticlePage),
        title: 'portal.commune.tab.news',
      },
      {
        path: 'sessions',
        loadComponent: () =>
          import('./sessions/commune-sessions').then((m) => m.CommuneSessions),
        title: 'portal.commune.tab.sessions',
      },
      {
        path: 'sessions/:id',
        loadChildren: () =>
          import('./sessions/session.routes').then((m) => m.sessionRoutes),
      },
      {
        path: 'debats',
        loadChildren: () =>
          import('./debates/debates.routes').then((m) => m.debatesRoutes),
      },
      // The search index links debates at their English path.
      { path: 'debates', pathMatch: 'full', redirectTo: 'debats' },
      { path: 'debates/:id', redirectTo: 'debats/:id' },
      {
        path: 'documents',
        loadComponent: () =>
          import('./documents/commune-documents').then(
            (m) => m.CommuneDocuments,
          ),
        title: 'portal.commune.tab.documents',
      },
      {
        path: 'documents/:id',
        loadComponent: () =>
          import('./documents/document-page').then((m) => m.DocumentPage),
        title: 'portal.commune.tab.documents',
      },
      {
        path: 'budgets',
        loadComponent: () =>
          import('./budget/commune-budget').then((m) => m.CommuneBudget),
        title: 'portal.commune.tab.budget',
      },
      {
        path: 'budgets/:id',
        loadComponent: () =>
          import('./budget/budget-page').then((m) => m.BudgetPage),
        title: 'portal.commune.tab.budget',
      },
      {
        path: 'contracts',
        loadComponent: () =>
          import('./contracts/commune-contracts').then(
            (m) => m.CommuneContracts,
          ),
        title: 'portal.commune.tab.contracts',
      },
      {
        path: 'contracts/:id',
        loadComponent: () =>
          import('./contracts/contract-page').then((m) => m.ContractPage),
        title: 'portal.commune.tab.contracts',
      },
      {
        path: 'open-data',
        loadComponent: () =>
          import('./open-data/commune-open-data').then(
            (m) => m.CommuneOpenData,
          ),
        title: 'portal.commune.tab.openData',
      },
    ],
  },
];
