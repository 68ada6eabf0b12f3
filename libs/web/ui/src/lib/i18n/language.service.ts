import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import {
  computed,
  inject,
  Injectable,
  PLATFORM_ID,
  REQUEST,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { warmUpFormats } from '../format/format';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  LANGUAGE_STORAGE_KEY,
  LOCALES,
} from './languages';

/**
 * The active language of the interface, as a signal for the formatting pipes. Switching keeps
 * the choice in a cookie and updates `<html lang>` so screen readers pronounce the page in the
 * right language. A cookie, not localStorage: the server sees it, so a page rendered on the
 * server (SSR) is rendered in the reader's language; and a page's first localStorage read blocks
 * a phone's main thread for several milliseconds, which start-up should not pay.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  /** The request being rendered, on the server only. */
  private readonly request = inject(REQUEST, { optional: true });
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
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
    await this.use(this.read() ?? DEFAULT_LANGUAGE, false);
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
    if (this.browser) {
      // After start-up's task, while the page's code is still on its way (see warmUpFormats).
      setTimeout(() => warmUpFormats(LOCALES[language]));
    }
  }

  private read(): Language | null {
    let cookies = '';
    if (this.request) cookies = this.request.headers.get('cookie') ?? '';
    // On the server without a request (routes read at build time) there is no cookie to read.
    else if (this.browser) cookies = this.document.cookie;
    const value = readCookie(cookies);
    return isLanguage(value) ? value : null;
  }

  private write(language: Language): void {
    // Cookies disabled: not saved; the switch still applies to this visit.
    if (this.browser) {
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
