import { provideTranslocoScope } from '@jsverse/transloco';

/** Ministry dashboard texts: key prefix `monitoring.`, lazy chunks. */
export const MONITORING_SCOPE = 'monitoring';

export const monitoringI18n = provideTranslocoScope({
  scope: MONITORING_SCOPE,
  loader: {
    fr: () => import('./i18n/fr.json'),
    en: () => import('./i18n/en.json'),
  },
});
