import type { Routes } from '@angular/router';
import { translationsReady } from '@communes/web-ui';
import { civicI18n } from '../civic/civic.i18n';
import { SessionPage } from './session-page';

/** The live page of one session, with its texts (a lazy chunk of its own). */
export const sessionRoutes: Routes = [
  {
    path: '',
    providers: [civicI18n],
    canActivate: [translationsReady],
    component: SessionPage,
    title: 'portal.commune.tab.sessions',
  },
];
