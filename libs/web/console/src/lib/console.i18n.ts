import { provideTranslocoScope } from '@jsverse/transloco';

/** The commune console's texts: key prefix `console.`, lazy chunks loaded with its routes. */
export const CONSOLE_SCOPE = 'console';

export const consoleI18n = provideTranslocoScope({
  scope: CONSOLE_SCOPE,
  loader: {
    fr: () => import('./i18n/fr.json'),
    en: () => import('./i18n/en.json'),
  },
});
