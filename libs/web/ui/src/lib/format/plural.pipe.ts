import { inject, Pipe, type PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { formatNumber } from './format';

const pluralRules = new Map<string, Intl.PluralRules>();

/** `one` or `other` for `count` in `locale` (French: 0 and 1 are singular; English: only 1). */
export function pluralCategory(count: number, locale: string): 'one' | 'other' {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/**
 * `{{ 'portal.directory.communeCount' | cpPlural: 77 }}` translates
 * `portal.directory.communeCount.one` or `.other` with `{{ count }}` formatted per locale, e.g.
 * `{ "one": "{{ count }} commune", "other": "{{ count }} communes" }` → "77 communes".
 */
@Pipe({ name: 'cpPlural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  transform(
    key: string,
    count: number,
    params: Record<string, unknown> = {},
  ): string {
    const locale = this.language.locale();
    return this.transloco.translate(`${key}.${pluralCategory(count, locale)}`, {
      ...params,
      count: formatNumber(count, locale),
    });
  }
}
