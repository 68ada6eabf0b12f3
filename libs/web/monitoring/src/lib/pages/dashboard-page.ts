import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { COMMUNE_STATUSES } from '@communes/shared-contracts';
import { DatePipe as CpDatePipe, LanguageService, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { MonitoringApi } from '../monitoring-api';

/**
 * `/ministere`: read-only adoption and transparency dashboard — communes by status, onboarded
 * over time and by department; for each commune the legally expected publications of the
 * current and previous fiscal years, published contracts, freshness, score and rank; CSV export.
 */
@Component({
  selector: 'cp-dashboard-page',
  imports: [TranslocoPipe, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'monitoring.title' | transloco }}</h1>
    @if (data.error()) {
      <cp-load-failure [heading]="'monitoring.title' | transloco" [error]="data.error()" (retry)="data.reload()" />
    }
    @if (data.value(); as d) {
      <p>{{ 'monitoring.intro' | transloco: { year: d.fiscalYear, previous: d.previousFiscalYear } }}</p>
      <section aria-labelledby="adoption-title">
        <h2 id="adoption-title">{{ 'monitoring.adoption' | transloco }}</h2>
        <p>{{ 'monitoring.onboarded' | transloco: { count: d.adoption.total - d.adoption.byStatus.not_onboarded, total: d.adoption.total } }}</p>
        <ul class="counts">
          @for (s of statuses; track s) {
            <li class="cp-card"><strong>{{ d.adoption.byStatus[s] }}</strong> {{ 'monitoring.status.' + s | transloco }}</li>
          }
        </ul>
        <details>
          <summary>{{ 'monitoring.overTime' | transloco }}</summary>
          <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'monitoring.overTime' | transloco">
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ 'monitoring.month' | transloco }}</th>
                  <th scope="col">{{ 'monitoring.onboardedTotal' | transloco }}</th>
                  <th scope="col">{{ 'monitoring.activatedTotal' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (m of d.adoption.byMonth; track m.month) {
                  <tr>
                    <th scope="row">{{ m.month }}</th>
                    <td><span class="bar" [style.width.%]="(100 * m.onboardedTotal) / d.adoption.total"></span> {{ m.onboardedTotal }}</td>
                    <td>{{ m.activatedTotal }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
        <details>
          <summary>{{ 'monitoring.byDepartment' | transloco }}</summary>
          <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'monitoring.byDepartment' | transloco">
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ 'monitoring.department' | transloco }}</th>
                  @for (s of statuses; track s) {
                    <th scope="col">{{ 'monitoring.status.' + s | transloco }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (dep of d.adoption.byDepartment; track dep.department) {
                  <tr>
                    <th scope="row">{{ dep.department }}</th>
                    <td>{{ dep.notOnboarded }}</td>
                    <td>{{ dep.onboarding }}</td>
                    <td>{{ dep.active }}</td>
                    <td>{{ dep.suspended }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{{ 'monitoring.ranking' | transloco }}</h2>
        <details>
          <summary>{{ 'monitoring.formula' | transloco }}</summary>
          <p>{{ language.language() === 'en' ? d.formula.en : d.formula.fr }}</p>
        </details>
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
          <button type="button" class="cp-button cp-button--secondary" (click)="exportCsv(d.fiscalYear)">{{ 'monitoring.export' | transloco }}</button>
        </div>
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="tableLabel | transloco">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'monitoring.rank' | transloco }}</th>
                <th scope="col">{{ 'monitoring.commune' | transloco }}</th>
                <th scope="col">{{ 'monitoring.score' | transloco }}</th>
                <th scope="col">{{ 'monitoring.published' | transloco }}</th>
                <th scope="col">{{ 'monitoring.contracts' | transloco }}</th>
                <th scope="col">{{ 'monitoring.last' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows(); track r.slug) {
                <tr [attr.data-commune]="r.slug">
                  <td>{{ r.rank }}</td>
                  <th scope="row">
                    {{ r.name }} <small>({{ r.department }})</small>
                    <details>
                      <summary>{{ 'monitoring.expected' | transloco }}</summary>
                      <ul>
                        @for (p of r.publications; track $index) {
                          <li>{{ 'monitoring.categories.' + p.category | transloco }} {{ p.fiscalYear }} : {{ (p.published ? 'monitoring.yes' : 'monitoring.no') | transloco }}</li>
                        }
                      </ul>
                    </details>
                  </th>
                  <td>{{ 'monitoring.scoreOf' | transloco: { score: r.score, total: d.maxScore } }}</td>
                  <td>
                    <span class="published-count">{{ r.published }}</span>
                    <small> · {{ 'monitoring.expectedOf' | transloco: { count: r.expectedPublished, total: r.expectedTotal } }}</small>
                  </td>
                  <td class="contracts-count">{{ r.contracts }}</td>
                  <td>
                    @if (r.lastPublishedAt) {
                      {{ r.lastPublishedAt | cpDate }} <small>({{ 'monitoring.days' | transloco: { days: r.daysSinceLastPublication } }})</small>
                    } @else {
                      {{ 'monitoring.never' | transloco }}
                    }
                  </td>
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
    .bar { display: inline-block; height: 0.75rem; background: #006b3f; vertical-align: middle; }
    details { margin-block: 0.5rem; }
  `,
})
export class DashboardPage {
  private readonly api = inject(MonitoringApi);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService);
  /** Names the ranking's scrolling region (keyboard users scroll it on a phone). */
  protected readonly tableLabel = 'monitoring.ranking';
  protected readonly statuses = COMMUNE_STATUSES;
  protected readonly department = signal('');
  protected readonly data = resource({ loader: () => this.api.load() });
  protected readonly departments = computed(() => [...new Set((this.data.value()?.rows ?? []).map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'fr')));
  protected readonly rows = computed(() => (this.data.value()?.rows ?? []).filter((r) => !this.department() || r.department === this.department()));

  protected async exportCsv(year: number): Promise<void> {
    const csv = await this.api.csv(year, this.department() || undefined);
    // The browser drops the API's byte order mark when it decodes the answer as text; Excel
    // needs it to read the file as UTF-8 (accents), so it is put back.
    const withBom = csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`;
    const url = URL.createObjectURL(new Blob([withBom], { type: 'text/csv;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `communes-transparence-${year}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }
}
