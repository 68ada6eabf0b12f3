import { provideTranslocoScope } from '@jsverse/transloco';
// French, the default, travels in the routes' chunk; English is a lazy chunk of its own.
import fr from './i18n/fr.json';

/** Good practice texts: key prefix `practices.`. */
export const PRACTICES_SCOPE = 'practices';

export const practicesI18n = provideTranslocoScope({
  scope: PRACTICES_SCOPE,
  loader: {
    fr: () => Promise.resolve(fr),
    en: () => import('./i18n/en.json'),
  },
});
