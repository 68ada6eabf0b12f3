import { provideTranslocoScope } from '@jsverse/transloco';

/** The portal's texts: key prefix `portal.`; lazy chunks loaded with the portal routes. */
export const PORTAL_SCOPE = 'portal';

export const portalI18n = provideTranslocoScope({
  scope: PORTAL_SCOPE,
  loader: {
    fr: () => import('./i18n/fr.json'),
    en: () => import('./i18n/en.json'),
  },
});
