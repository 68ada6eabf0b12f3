import { provideTranslocoScope } from '@jsverse/transloco';
// French, the default, travels in the portal's first chunk: one round trip less before the first
// page shows on a slow connection. English stays a separate lazy chunk.
import fr from './i18n/fr.json';

/** The portal's texts: key prefix `portal.`; loaded with the portal routes. */
export const PORTAL_SCOPE = 'portal';

export const portalI18n = provideTranslocoScope({
  scope: PORTAL_SCOPE,
  loader: {
    fr: () => Promise.resolve(fr),
    en: () => import('./i18n/en.json'),
  },
});
