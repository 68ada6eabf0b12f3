import type { Routes } from '@angular/router';
import { platformRoleGuard } from '@communes/web-auth';
import { monitoringI18n } from './monitoring.i18n';

/** `/ministere`, lazy, for the ministry (and ANCB, read only). */
export const monitoringRoutes: Routes = [
  {
    path: '',
    canActivate: [platformRoleGuard('ministry_observer', 'platform_admin')],
    providers: [monitoringI18n],
    children: [{ path: '', title: 'monitoring.title', loadComponent: () => import('./pages/dashboard-page').then((m) => m.DashboardPage) }],
  },
];
