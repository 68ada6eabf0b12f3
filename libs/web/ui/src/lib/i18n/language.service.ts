import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  LANGUAGE_STORAGE_KEY,
  LOCALES,
} from './languages';

/**
 * The active language of the interface, as a signal for the formatting pipes. Switching keeps
 * the choice in localStorage and updates `<html lang>` so screen readers pronounce the page in
 * the right language.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly active = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  /** The active language (follows Transloco, whoever switched it). */
  readonly language = computed<Language>(() => {
    const lang = this.active();
    return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  });

  /** The `Intl` locale of the active language. */
  readonly locale = computed(() => LOCALES[this.language()]);

  /** Restores the saved choice (or French) and loads its root translations before the first render. */
  async init(): Promise<void> {
    const saved = this.read();
    await this.use(saved ?? DEFAULT_LANGUAGE, false);
  }

  /** Switches the interface to `language` and remembers the choice. */
  async use(language: Language, persist = true): Promise<void> {
    // Loading first avoids a flash of keys: Transloco renders once the translation is there.
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
    if (persist) {
      this.write(language);
    }
  }

  private read(): Language | null {
    try {
      const value =
        this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      // Storage can be disabled (private mode, strict settings): French then.
      return null;
    }
  }

  private write(language: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(
        LANGUAGE_STORAGE_KEY,
        language,
      );
    } catch {
      // Not saved; the switch still applies to this visit.
    }
  }
}
