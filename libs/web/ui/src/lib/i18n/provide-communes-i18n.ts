import {
  type EnvironmentProviders,
  inject,
  Injectable,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import {
  provideTransloco,
  type Translation,
  type TranslocoLoader,
} from '@jsverse/transloco';
import { from, type Observable, of } from 'rxjs';
import fr from './fr.json';
import { LanguageService } from './language.service';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/**
 * Root translations (shell, common words, errors). French is in the initial bundle, as the
 * default language must show without a second request on a slow connection; English is a lazy
 * chunk. Feature libs bring their own texts through a Transloco scope (see README).
 */
@Injectable({ providedIn: 'root' })
export class RootTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    if (lang === 'en') {
      return from(import('./en.json').then((m) => m.default));
    }
    return of(fr);
  }
}

/**
 * Transloco for Communes+: French by default and as fallback, English switchable at run time
 * (saved in a cookie, `<html lang>` kept in sync), route titles as translation keys.
 */
export function provideCommunesI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        missingHandler: { useFallbackTranslation: true, logMissingKey: true },
        prodMode: !isDevMode(),
      },
      loader: RootTranslationLoader,
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() => inject(LanguageService).init()),
  ]);
}
