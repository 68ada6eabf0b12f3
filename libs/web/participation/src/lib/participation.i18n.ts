import { provideTranslocoScope } from '@jsverse/transloco';
// French, the default, travels in the routes' chunk (one round trip less on a slow connection);
// English is a lazy chunk of its own.
import fr from './i18n/fr.json';

/** Participation texts (feedback, consultations): key prefix `participation.`. */
export const PARTICIPATION_SCOPE = 'participation';

export const participationI18n = provideTranslocoScope({
  scope: PARTICIPATION_SCOPE,
  loader: {
    fr: () => Promise.resolve(fr),
    en: () => import('./i18n/en.json'),
  },
});
