import { provideTranslocoScope } from '@jsverse/transloco';

/** The auth pages' and account menu's texts: key prefix `auth.`, lazy chunks. */
export const AUTH_SCOPE = 'auth';

export const authI18n = provideTranslocoScope({
  scope: AUTH_SCOPE,
  loader: {
    fr: () => import('./i18n/fr.json'),
    en: () => import('./i18n/en.json'),
  },
});
