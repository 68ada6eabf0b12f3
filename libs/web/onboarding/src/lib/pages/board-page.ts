import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COMMUNE_STATUSES, type CommuneStatus } from '@communes/shared-contracts';
import { LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { OnboardingApi } from '../onboarding-api';

/** `/ancb`: the 77 communes by status and department, each one a click from its checklist. */
@Component({
  selector: 'cp-board-page',
  imports: [RouterLink, TranslocoPipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './onboarding.css',
  template: `
    <h1>{{ 'onboarding.board.title' | transloco }}</h1>
    <p>{{ 'onboarding.board.intro' | transloco }}</p>
    <p class="row">
      <a class="cp-button" routerLink="integrer">{{ 'onboarding.board.onboard' | transloco }}</a>
      <a class="cp-button cp-button--secondary" routerLink="bonnes-pratiques">{{ 'app.nav.goodPractices' | transloco }}</a>
    </p>
    @if (communes.error()) {
      <cp-load-failure [heading]="'onboarding.board.title' | transloco" [error]="communes.error()" (retry)="communes.reload()" />
    }
    <h2>{{ 'onboarding.board.byStatus' | transloco }}</h2>
    <ul class="counts">
      @for (s of statuses; track s) {
        <li class="cp-card">
          <button type="button" class="count" [attr.aria-pressed]="status() === s" (click)="status.set(status() === s ? '' : s)">
            <strong>{{ counts()[s] }}</strong> {{ 'onboarding.status.' + s | transloco }}
          </button>
        </li>
      }
    </ul>
    <div class="row">
      <div class="cp-field">
        <label for="board-department">{{ 'onboarding.board.department' | transloco }}</label>
        <select id="board-department" [value]="department()" (change)="department.set($any($event.target).value)">
          <option value="">{{ 'onboarding.board.all' | transloco }}</option>
          @for (d of departments(); track d) {
            <option [value]="d">{{ d }}</option>
          }
        </select>
      </div>
      <div class="cp-field">
        <label for="board-status">{{ 'onboarding.board.status' | transloco }}</label>
        <select id="board-status" [value]="status()" (change)="status.set($any($event.target).value)">
          <option value="">{{ 'onboarding.board.all' | transloco }}</option>
          @for (s of statuses; track s) {
            <option [value]="s">{{ 'onboarding.status.' + s | transloco }}</option>
          }
        </select>
      </div>
    </div>
    <p role="status">{{ 'onboarding.board.count' | transloco: { count: shown().length } }}</p>
    <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="tableLabel | transloco">
      <table>
        <thead>
          <tr>
            <th scope="col">{{ 'onboarding.board.commune' | transloco }}</th>
            <th scope="col">{{ 'onboarding.board.department' | transloco }}</th>
            <th scope="col">{{ 'onboarding.board.status' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of shown(); track c.id) {
            <tr>
              <td><a [routerLink]="['communes', c.slug]">{{ c.name }}</a></td>
              <td>{{ c.department }}</td>
              <td><span class="status">{{ 'onboarding.status.' + c.status | transloco }}</span></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; padding: 0; list-style: none; }
    .count { width: 100%; min-height: 44px; background: none; border: 0; font: inherit; text-align: left; cursor: pointer; }
    .count strong { display: block; font-size: 1.75rem; }
    .count[aria-pressed='true'] { outline: 3px solid #006b3f; }
  `,
})
export class BoardPage {
  /** Names the table's scrolling region (keyboard users scroll it on a phone). */
  protected readonly tableLabel = 'onboarding.board.title';
  private readonly api = inject(OnboardingApi);
  protected readonly statuses = COMMUNE_STATUSES;
  protected readonly department = signal('');
  protected readonly status = signal<CommuneStatus | ''>('');
  protected readonly communes = resource({ loader: () => this.api.communes() });
  protected readonly departments = computed(() => [...new Set((this.communes.value() ?? []).map((c) => c.department))].sort((a, b) => a.localeCompare(b, 'fr')));
  protected readonly counts = computed(() => {
    const counts = { not_onboarded: 0, onboarding: 0, active: 0, suspended: 0 } as Record<CommuneStatus, number>;
    for (const c of this.communes.value() ?? []) if (!this.department() || c.department === this.department()) counts[c.status]++;
    return counts;
  });
  protected readonly shown = computed(() =>
    (this.communes.value() ?? []).filter((c) => (!this.department() || c.department === this.department()) && (!this.status() || c.status === this.status())),
  );
}
