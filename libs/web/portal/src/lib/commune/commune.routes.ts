import type { Routes } from '@angular/router';
import { AgendaEventPage } from './agenda/agenda-event-page';
import { CommuneAgenda } from './agenda/commune-agenda';
import { BudgetPage } from './budget/budget-page';
import { CommuneBudget } from './budget/commune-budget';
import { CommuneLayout } from './commune-layout';
import { CommuneContracts } from './contracts/commune-contracts';
import { ContractPage } from './contracts/contract-page';
import { CommuneDocuments } from './documents/commune-documents';
import { DocumentPage } from './documents/document-page';
import { CommuneOpenData } from './open-data/commune-open-data';
import { CommuneOverview } from './overview/commune-overview';
import { CommuneSessions } from './sessions/commune-sessions';
import { SessionPage } from './sessions/session-page';

/** A commune's page and its sections (one lazy chunk, loaded at the first commune visited). */
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
        component: CommuneAgenda,
        title: 'portal.commune.tab.agenda',
      },
      {
        path: 'agenda/:id',
        component: AgendaEventPage,
        title: 'portal.commune.tab.agenda',
      },
      {
        path: 'sessions',
        component: CommuneSessions,
        title: 'portal.commune.tab.sessions',
      },
      {
        path: 'sessions/:id',
        component: SessionPage,
        title: 'portal.commune.tab.sessions',
      },
      {
        path: 'documents',
        component: CommuneDocuments,
        title: 'portal.commune.tab.documents',
      },
      {
        path: 'documents/:id',
        component: DocumentPage,
        title: 'portal.commune.tab.documents',
      },
      {
        path: 'budgets',
        component: CommuneBudget,
        title: 'portal.commune.tab.budget',
      },
      {
        path: 'budgets/:id',
        component: BudgetPage,
        title: 'portal.commune.tab.budget',
      },
      {
        path: 'contracts',
        component: CommuneContracts,
        title: 'portal.commune.tab.contracts',
      },
      {
        path: 'contracts/:id',
        component: ContractPage,
        title: 'portal.commune.tab.contracts',
      },
      {
        path: 'open-data',
        component: CommuneOpenData,
        title: 'portal.commune.tab.openData',
      },
    ],
  },
];
