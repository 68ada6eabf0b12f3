import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { type Language, LANGUAGES } from '../i18n/languages';

/**
 * Switches the interface language. Each button names its language in that language (a
 * visitor who does not read the current one still finds theirs) and carries `lang` for screen
 * readers; the active one is marked with `aria-pressed`.
 */
@Component({
  selector: 'cp-language-switch',
  imports: [TranslocoPipe],
  template: `
    <div
      class="switch"
      role="group"
      [attr.aria-label]="'lang.label' | transloco"
    >
      @for (lang of languages; track lang) {
        <button
          type="button"
          [attr.lang]="lang"
          [attr.aria-pressed]="lang === active()"
          [attr.title]="'lang.switchTo' | transloco: { name: names[lang] }"
          (click)="choose(lang)"
        >
          <span aria-hidden="true">{{ lang.toUpperCase() }}</span>
          <span class="visually-hidden">{{ names[lang] }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .switch {
      display: inline-flex;
      border: 1px solid currentColor;
      border-radius: 0.375rem;
      overflow: hidden;
    }
    button {
      min-width: 2.75rem;
      min-height: 2.75rem;
      padding: 0 0.5rem;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #fff;
      color: var(--cp-color-brand-dark, #00522f);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);

  protected readonly languages = LANGUAGES;
  /** Names in their own language, never translated. */
  protected readonly names: Readonly<Record<Language, string>> = {
    fr: 'Français',
    en: 'English',
  };
  protected readonly active = computed(() => this.language.language());

  protected choose(lang: Language): void {
    void this.language.use(lang);
  }
}
