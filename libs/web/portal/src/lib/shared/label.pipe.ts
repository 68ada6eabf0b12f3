import { inject, Pipe, type PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

/**
 * `{{ record.category | cpLabel: 'portal.category' }}`: the translated label of a code, or the
 * code itself when it has no label (a value the API added after this build). Impure: follows the
 * language.
 */
@Pipe({ name: 'cpLabel', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(value: string | number | null | undefined, prefix: string): string {
    if (value === null || value === undefined || value === '') {
      return '';
    }
    const key = `${prefix}.${value}`;
    const label = this.transloco.translate(key);
    return label === key ? String(value) : label;
  }
}
