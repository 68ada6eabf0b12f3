import type { Routes } from '@angular/router';
import { translationsReady } from '@communes/web-ui';
import { civicI18n } from '../civic/civic.i18n';
import { DebatePage } from './debate-page';
import { DebatesPage } from './debates-page';

/** The commune's debates and one debate, with their texts (one lazy chunk). */
export const debatesRoutes: Routes = [
  {
    path: '',
    providers: [civicI18n],
    canActivate: [translationsReady],
    children: [
      {
        path: '',
        pathMatch: 'full',
        component: DebatesPage,
        title: 'portal.commune.tab.debates',
      },
      {
        path: ':id',
        component: DebatePage,
        title: 'portal.commune.tab.debates',
      },
    ],
  },
];
