import { provideTranslocoScope } from '@jsverse/transloco';

/** ANCB console texts: key prefix `onboarding.`, lazy chunks. */
export const ONBOARDING_SCOPE = 'onboarding';

export const onboardingI18n = provideTranslocoScope({
  scope: ONBOARDING_SCOPE,
  loader: {
    fr: () => import('./i18n/fr.json'),
    en: () => import('./i18n/en.json'),
  },
});
