import { provideTranslocoScope } from '@jsverse/transloco';
// French travels in the lazy chunk of these pages (no extra round trip); English is its own chunk.
// Kept apart from the portal's texts, which load with the first page.
import fr from './i18n/fr.json';

/** Texts of the live session page and the debates: key prefix `civic.`. */
export const CIVIC_SCOPE = 'civic';

export const civicI18n = provideTranslocoScope({
  scope: CIVIC_SCOPE,
  loader: {
    fr: () => Promise.resolve(fr),
    en: () => import('./i18n/en.json'),
  },
});
