import type { Routes } from '@angular/router';
import { authRoutes } from '@communes/web-auth';

const participation = () => import('@communes/web-participation');

export const appRoutes: Routes = [
  // The home page first: the empty-path wrapper of the auth routes below would otherwise match
  // '/' (with no child) and show an empty page.
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () =>
      import('@communes/web-portal').then((m) => m.portalRoutes),
  },
  // Sign in, sign up, invitations, access refused (lazy pages).
  ...authRoutes,
  // Participation (feedback, tracking, consultations, the staff's feedback queue): lazy chunks,
  // declared before the portal and console routes that would otherwise take these paths.
  {
    path: 'communes/:slug/doleances',
    loadChildren: () => participation().then((m) => m.feedbackRoutes),
  },
  {
    path: 'communes/:slug/consultations',
    loadChildren: () => participation().then((m) => m.consultationRoutes),
  },
  {
    path: 'suivi',
    loadChildren: () => participation().then((m) => m.trackingRoutes),
  },
  {
    path: 'console/:slug/doleances',
    loadChildren: () => participation().then((m) => m.staffFeedbackRoutes),
  },
  {
    path: 'console/:slug/moderation',
    loadChildren: () => participation().then((m) => m.moderationRoutes),
  },
  // Good practices: the national library, the commune's proposals, ANCB's review (lazy chunks).
  {
    path: 'bonnes-pratiques',
    loadChildren: () => import('@communes/web-good-practices').then((m) => m.libraryRoutes),
  },
  {
    path: 'console/:slug/bonnes-pratiques',
    loadChildren: () => import('@communes/web-good-practices').then((m) => m.communePracticesRoutes),
  },
  {
    path: 'ancb/bonnes-pratiques',
    loadChildren: () => import('@communes/web-good-practices').then((m) => m.reviewRoutes),
  },
  // Consoles: lazy chunks, each guarded by role inside its own routes (so neither the consoles
  // nor their guards weigh on the public pages).
  {
    path: 'console',
    loadChildren: () =>
      import('@communes/web-console').then((m) => m.consoleRoutes),
  },
  {
    path: 'ancb',
    loadChildren: () =>
      import('@communes/web-onboarding').then((m) => m.onboardingRoutes),
  },
  {
    path: 'ministere',
    loadChildren: () =>
      import('@communes/web-monitoring').then((m) => m.monitoringRoutes),
  },
  {
    path: '',
    loadChildren: () =>
      import('@communes/web-portal').then((m) => m.portalRoutes),
  },
];
