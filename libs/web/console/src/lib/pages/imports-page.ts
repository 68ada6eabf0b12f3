import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { BUDGET_STAGES, type BudgetStage } from '@communes/shared-contracts';
import { ApiError } from '@communes/web-data-access';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ConsoleApi, importProblemsOf, type ImportProblem } from '../console-api';
import { formValues } from '@communes/web-auth';
import { injectCommuneSlug } from './slug';

interface Preview {
  importId: string;
  totalLines: number;
  validLines: number;
  errors: ImportProblem[];
}

/**
 * Budget and contracts imports: the file is checked first (preview), the error report is shown
 * line by line (line, column, problem) and only a clean file can be imported and published.
 */
@Component({
  selector: 'cp-imports-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console.css',
  template: `
    <h1>{{ 'console.imports.title' | transloco }}</h1>
    <form #form (submit)="$event.preventDefault(); check(form)">
      <fieldset class="row">
        <legend>{{ 'console.imports.kind' | transloco }}</legend>
        <label><input type="radio" name="kind" value="budget" [checked]="kind() === 'budget'" (change)="kind.set('budget'); reset()" /> {{ 'console.imports.budget' | transloco }}</label>
        <label><input type="radio" name="kind" value="contracts" [checked]="kind() === 'contracts'" (change)="kind.set('contracts'); reset()" /> {{ 'console.imports.contracts' | transloco }}</label>
      </fieldset>
      @if (kind() === 'budget') {
        <div class="row">
          <div class="cp-field">
            <label for="import-stage">{{ 'console.imports.stage' | transloco }}</label>
            <select id="import-stage" name="stage">
              @for (s of stages; track s) {
                <option [value]="s">{{ 'console.imports.stages.' + s | transloco }}</option>
              }
            </select>
          </div>
          <div class="cp-field">
            <label for="import-year">{{ 'console.imports.fiscalYear' | transloco }}</label>
            <input id="import-year" name="fiscalYear" type="number" min="2000" max="2100" [value]="currentYear" required />
          </div>
        </div>
      }
      <div class="cp-field">
        <label for="import-file">{{ 'console.imports.file' | transloco }}</label>
        <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" (change)="picked($event)" />
      </div>
      <button class="cp-button" type="submit" [disabled]="busy() || !file()">{{ 'console.imports.preview' | transloco }}</button>
    </form>

    @if (error()) {
      <p class="cp-notice error" role="alert">{{ error() }}</p>
    }
    @if (committed()) {
      <p class="cp-notice" role="status">{{ 'console.imports.committed' | transloco }}</p>
    }
    @if (preview(); as p) {
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{{ 'console.imports.summary' | transloco: { valid: p.validLines, total: p.totalLines } }}</h2>
        @if (p.errors.length) {
          <p>{{ 'console.imports.cannotCommit' | transloco }}</p>
        } @else {
          <p>{{ 'console.imports.noErrors' | transloco }}</p>
          <button class="cp-button" type="button" (click)="commit(p.importId)" [disabled]="busy()">{{ 'console.imports.commit' | transloco }}</button>
        }
      </section>
    }
    @if (problems().length) {
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="tableLabel | transloco">
        <table>
          <caption>{{ 'console.imports.errorsTitle' | transloco }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'console.imports.line' | transloco }}</th>
              <th scope="col">{{ 'console.imports.column' | transloco }}</th>
              <th scope="col">{{ 'console.imports.problem' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of problems(); track $index) {
              <tr>
                <td>{{ e.line }}</td>
                <td>{{ e.column }}</td>
                <td>{{ e.message }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class ImportsPage {
  /** Names the table's scrolling region (keyboard users scroll it on a phone). */
  protected readonly tableLabel = 'console.imports.errorsTitle';
  private readonly api = inject(ConsoleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly slug = injectCommuneSlug();
  protected readonly stages = BUDGET_STAGES;
  protected readonly kind = signal<'budget' | 'contracts'>('budget');
  protected readonly currentYear = new Date().getFullYear();
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<Preview | null>(null);
  /** Problems of a file that could not be read at all (422), shown in the same table. */
  private readonly unreadable = signal<ImportProblem[]>([]);
  protected readonly problems = computed(() => [...(this.preview()?.errors ?? []), ...this.unreadable()]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly committed = signal(false);

  protected picked(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.item(0) ?? null);
    this.reset();
  }

  protected reset(): void {
    this.preview.set(null);
    this.unreadable.set([]);
    this.committed.set(false);
    this.error.set('');
  }

  protected async check(form: HTMLFormElement): Promise<void> {
    const file = this.file();
    if (!file) return;
    const values = formValues(form);
    this.reset();
    await this.run(async () => {
      const result =
        this.kind() === 'budget'
          ? await this.api.previewBudget(this.slug, file, Number(values['fiscalYear']), values['stage'] as BudgetStage)
          : await this.api.previewContracts(this.slug, file);
      this.preview.set({ importId: result.importId, totalLines: result.totalLines, validLines: result.validLines, errors: result.errors });
    });
  }

  protected async commit(importId: string): Promise<void> {
    await this.run(async () => {
      if (this.kind() === 'budget') await this.api.commitBudget(this.slug, importId, true);
      else await this.api.commitContracts(this.slug, importId, true);
      this.preview.set(null);
      this.committed.set(true);
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await task();
    } catch (error) {
      this.unreadable.set(importProblemsOf(error));
      const detail = error instanceof ApiError ? (error.detail ?? this.transloco.translate('errors.server')) : this.transloco.translate('errors.unexpected');
      this.error.set(this.transloco.translate('console.error', { detail }));
    } finally {
      this.busy.set(false);
    }
  }
}
