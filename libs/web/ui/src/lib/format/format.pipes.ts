import { inject, Pipe, type PipeTransform } from '@angular/core';
import { LanguageService } from '../i18n/language.service';
import { type DateStyle, formatDate, formatFcfa, formatNumber } from './format';

// Impure: the output changes with the language, not only with the input. Each call reads the
// language signal and uses a cached Intl formatter, so it stays cheap.

/** `{{ 1234567 | cpFcfa }}` → "1 234 567 FCFA" (French), "1,234,567 FCFA" (English). */
@Pipe({ name: 'cpFcfa', pure: false })
export class FcfaPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: number | string | null | undefined): string {
    return formatFcfa(value, this.language.locale());
  }
}

/** `{{ 1234 | cpNumber }}` → "1 234" (French), "1,234" (English). */
@Pipe({ name: 'cpNumber', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: number | string | null | undefined): string {
    return formatNumber(value, this.language.locale());
  }
}

/** `{{ '2026-03-15' | cpDate }}` → "15 mars 2026" (French), "15 March 2026" (English). */
@Pipe({ name: 'cpDate', pure: false })
export class DatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(
    value: string | Date | null | undefined,
    style: DateStyle = 'long',
  ): string {
    return formatDate(value, this.language.locale(), style);
  }
}
