import type { Routes } from '@angular/router';
import { platformRoleGuard } from '@communes/web-auth';
import { onboardingI18n } from './onboarding.i18n';

/** `/ancb/...`, lazy, for ANCB staff (`platform_admin`) only. */
export const onboardingRoutes: Routes = [
  {
    path: '',
    canActivate: [platformRoleGuard('platform_admin')],
    providers: [onboardingI18n],
    children: [
      { path: '', pathMatch: 'full', title: 'onboarding.board.title', loadComponent: () => import('./pages/board-page').then((m) => m.BoardPage) },
      { path: 'integrer', title: 'onboarding.wizard.title', loadComponent: () => import('./pages/wizard-page').then((m) => m.WizardPage) },
      { path: 'communes/:slug', title: 'onboarding.board.title', loadComponent: () => import('./pages/commune-page').then((m) => m.CommunePage) },
    ],
  },
];
