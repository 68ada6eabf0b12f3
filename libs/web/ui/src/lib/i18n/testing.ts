import {
  type EnvironmentProviders,
  importProvidersFrom,
  makeEnvironmentProviders,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import en from './en.json';
import fr from './fr.json';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/** A feature's texts, as its inline loader would load them. */
export type ScopeTranslations = Partial<Record<Language, Translation>>;

/**
 * Transloco for unit tests: root texts and the given scopes preloaded (synchronous rendering,
 * real texts in assertions), French active unless `lang` says otherwise.
 *
 *   providers: [provideCommunesI18nTesting({ portal: { fr: portalFr, en: portalEn } })]
 */
export function provideCommunesI18nTesting(
  scopes: Record<string, ScopeTranslations> = {},
  lang: Language = DEFAULT_LANGUAGE,
): EnvironmentProviders {
  const langs: Record<string, Translation> = { fr, en };
  for (const [scope, translations] of Object.entries(scopes)) {
    for (const [language, translation] of Object.entries(translations)) {
      langs[`${scope}/${language}`] = translation;
    }
  }
  return makeEnvironmentProviders([
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs,
        preloadLangs: true,
        translocoConfig: {
          availableLangs: [...LANGUAGES],
          defaultLang: lang,
          fallbackLang: DEFAULT_LANGUAGE,
          reRenderOnLangChange: true,
          missingHandler: { useFallbackTranslation: true },
        },
      }),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ]);
}
