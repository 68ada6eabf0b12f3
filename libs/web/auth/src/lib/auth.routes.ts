import type { Routes } from '@angular/router';
import { authI18n } from './auth.i18n';

/**
 * Sign in, sign up, invitation, access refused: lazy pages, mounted at the root by the app.
 * Each route carries the texts itself: a componentless `path: ''` parent would also match the
 * empty address (the home page) and render nothing there.
 */
export const authRoutes: Routes = [
  {
    path: 'connexion',
    title: 'auth.login.title',
    providers: [authI18n],
    loadComponent: () => import('./pages/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'inscription',
    title: 'auth.register.title',
    providers: [authI18n],
    loadComponent: () => import('./pages/register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'invitations/:token',
    title: 'auth.invitation.title',
    providers: [authI18n],
    loadComponent: () => import('./pages/invitation-page').then((m) => m.InvitationPage),
  },
  {
    path: 'acces-refuse',
    title: 'auth.forbidden.title',
    providers: [authI18n],
    loadComponent: () => import('./pages/forbidden-page').then((m) => m.ForbiddenPage),
  },
];
