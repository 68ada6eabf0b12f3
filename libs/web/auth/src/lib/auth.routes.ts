import type { Routes } from '@angular/router';
import { authI18n } from './auth.i18n';

/** Sign in, sign up, invitation, access refused: lazy pages, mounted at the root by the app. */
export const authRoutes: Routes = [
  {
    path: '',
    providers: [authI18n],
    children: [
      { path: 'connexion', title: 'auth.login.title', loadComponent: () => import('./pages/login-page').then((m) => m.LoginPage) },
      { path: 'inscription', title: 'auth.register.title', loadComponent: () => import('./pages/register-page').then((m) => m.RegisterPage) },
      {
        path: 'invitations/:token',
        title: 'auth.invitation.title',
        loadComponent: () => import('./pages/invitation-page').then((m) => m.InvitationPage),
      },
      { path: 'acces-refuse', title: 'auth.forbidden.title', loadComponent: () => import('./pages/forbidden-page').then((m) => m.ForbiddenPage) },
    ],
  },
];
