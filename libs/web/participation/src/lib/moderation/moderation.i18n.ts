import { provideTranslocoScope } from '@jsverse/transloco';
// French, the default, travels with the component; English is a lazy chunk of its own.
import fr from './i18n/fr.json';

/**
 * Moderation texts (report button and dialog, the staff queue): key prefix `moderation.`.
 * Provided by the components themselves, so that the report button works on any page.
 */
export const MODERATION_SCOPE = 'moderation';

export const moderationI18n = provideTranslocoScope({
  scope: MODERATION_SCOPE,
  loader: {
    fr: () => Promise.resolve(fr),
    en: () => import('./i18n/en.json'),
  },
});
