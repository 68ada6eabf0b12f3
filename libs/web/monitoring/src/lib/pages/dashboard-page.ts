import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { COMMUNE_STATUSES } from '@communes/shared-contracts';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MonitoringApi, toCsv } from '../monitoring-api';

/** `/ministere`: read-only adoption and transparency dashboard, with a CSV export. */
@Component({
  selector: 'cp-dashboard-page',
  imports: [TranslocoPipe, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'monitoring.title' | transloco }}</h1>
    <p>{{ 'monitoring.intro' | transloco: { year, previous: year - 1 } }}</p>
    @if (data.error()) {
      <cp-load-failure [heading]="'monitoring.title' | transloco" [error]="data.error()" (retry)="data.reload()" />
    }
    @if (data.value(); as d) {
      <section aria-labelledby="adoption-title">
        <h2 id="adoption-title">{{ 'monitoring.adoption' | transloco }}</h2>
        <p>{{ 'monitoring.onboarded' | transloco: { count: total() - d.counts.not_onboarded, total: total() } }}</p>
        <ul class="counts">
          @for (s of statuses; track s) {
            <li class="cp-card"><strong>{{ d.counts[s] }}</strong> {{ 'monitoring.status.' + s | transloco }}</li>
          }
        </ul>
      </section>
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{{ 'monitoring.ranking' | transloco }}</h2>
        <div class="row">
          <div class="cp-field">
            <label for="monitoring-department">{{ 'monitoring.department' | transloco }}</label>
            <select id="monitoring-department" (change)="department.set($any($event.target).value)">
              <option value="">{{ 'monitoring.all' | transloco }}</option>
              @for (dep of departments(); track dep) {
                <option [value]="dep">{{ dep }}</option>
              }
            </select>
          </div>
          <button type="button" class="cp-button cp-button--secondary" (click)="exportCsv()">{{ 'monitoring.export' | transloco }}</button>
        </div>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'monitoring.rank' | transloco }}</th>
                <th scope="col">{{ 'monitoring.commune' | transloco }}</th>
                <th scope="col">{{ 'monitoring.department' | transloco }}</th>
                <th scope="col">{{ 'monitoring.published' | transloco }}</th>
                <th scope="col">{{ 'monitoring.score' | transloco }}</th>
                <th scope="col">{{ 'monitoring.last' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows(); track r.slug) {
                <tr [attr.data-commune]="r.slug">
                  <td>{{ r.rank }}</td>
                  <th scope="row">
                    {{ r.name }}
                    <details>
                      <summary>{{ 'monitoring.expected' | transloco }}</summary>
                      <ul>
                        @for (e of r.expected; track $index) {
                          <li>{{ 'monitoring.categories.' + e.category | transloco }} {{ e.fiscalYear }} : {{ (e.published ? 'monitoring.yes' : 'monitoring.no') | transloco }}</li>
                        }
                      </ul>
                    </details>
                  </th>
                  <td>{{ r.department }}</td>
                  <td class="published-count">{{ r.publishedDocuments }}</td>
                  <td>{{ 'monitoring.scoreOf' | transloco: { score: r.score, total: r.expected.length } }}</td>
                  <td>{{ r.lastPublishedAt ? (r.lastPublishedAt | cpDate) : ('monitoring.never' | transloco) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    } @else if (data.isLoading()) {
      <p>{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; padding: 0; list-style: none; }
    .counts strong { display: block; font-size: 1.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    .table-wrap { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; margin-block: 0.75rem; }
    th, td { padding: 0.5rem; border-bottom: 1px solid #c4c4c4; text-align: left; vertical-align: top; }
    tbody th { font-weight: 600; }
  `,
})
export class DashboardPage {
  private readonly api = inject(MonitoringApi);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly year = new Date().getFullYear();
  protected readonly statuses = COMMUNE_STATUSES;
  protected readonly department = signal('');
  protected readonly data = resource({ loader: () => this.api.load(this.year) });
  protected readonly total = computed(() => Object.values(this.data.value()?.counts ?? {}).reduce((a, b) => a + b, 0));
  protected readonly departments = computed(() => [...new Set((this.data.value()?.rows ?? []).map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'fr')));
  protected readonly rows = computed(() => (this.data.value()?.rows ?? []).filter((r) => !this.department() || r.department === this.department()));

  protected exportCsv(): void {
    const rows = this.rows();
    const t = (key: string) => this.transloco.translate(`monitoring.${key}`);
    const expected = rows[0]?.expected.map((e) => `${t('categories.' + e.category)} ${e.fiscalYear}`) ?? [];
    const csv = toCsv(rows, [t('rank'), t('commune'), t('department'), 'status', t('published'), t('score'), 'max', t('last'), ...expected]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `communes-transparence-${this.year}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }
}
