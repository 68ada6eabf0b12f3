import type { Routes } from '@angular/router';

export const appRoutes: Routes = [
  {
    path: '',
    loadChildren: () =>
      import('@communes/web-portal').then((m) => m.portalRoutes),
  },
];
