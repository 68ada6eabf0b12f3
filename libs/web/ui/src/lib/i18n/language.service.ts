import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, REQUEST } from '@angular/core';
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
 * the right language. The choice is also kept in a cookie, the only part of it the server sees:
 * a page rendered on the server (SSR) is rendered in the reader's language.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  /** The request being rendered, on the server only. */
  private readonly request = inject(REQUEST, { optional: true });
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
    // A choice saved before the cookie existed: the server learns it for the next page.
    if (saved && !this.request && readCookie(this.document.cookie) !== saved) {
      this.write(saved);
    }
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
    if (this.request) {
      const value = readCookie(this.request.headers.get('cookie') ?? '');
      return isLanguage(value) ? value : null;
    }
    try {
      const value =
        this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY) ??
        readCookie(this.document.cookie);
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
    if (!this.request) {
      this.document.cookie = `${LANGUAGE_STORAGE_KEY}=${language}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; samesite=lax`;
    }
  }
}

const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The language saved in a `Cookie` header (or `document.cookie`), if any. */
function readCookie(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_STORAGE_KEY) return value ?? null;
  }
  return null;
}
