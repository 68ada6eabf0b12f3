import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@communes/web-auth';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { GoodPracticesApi } from '../good-practices-api';
import { injectSlug } from '../shared/practice-text';

/** `/console/:slug/bonnes-pratiques`: the commune's practices with their review status. */
@Component({
  selector: 'cp-commune-practices-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/practices.css',
  template: `
    <h1>{{ 'practices.console.title' | transloco }}</h1>
    <p>{{ 'practices.console.intro' | transloco }}</p>
    @if (canWrite()) {
      <p><a class="cp-button" routerLink="nouvelle">{{ 'practices.console.new' | transloco }}</a></p>
    }
    @if (practices.error()) {
      <cp-load-failure [heading]="'practices.console.loadError' | transloco" [error]="practices.error()" (retry)="practices.reload()" />
    } @else if (practices.hasValue()) {
      @if (practices.value().length === 0) {
        <p>{{ 'practices.console.none' | transloco }}</p>
      }
      <ul class="list">
        @for (p of practices.value(); track p.id) {
          <li class="cp-card">
            <h2><a [routerLink]="p.id">{{ p.title }}</a></h2>
            <p class="meta">
              <span class="badge" [class]="'badge ' + p.status">{{ 'practices.status.' + p.status | transloco }}</span>
              · {{ 'practices.theme.' + p.theme | transloco }}
              · {{ 'practices.console.updated' | transloco: { date: (p.updatedAt | cpDate) } }}
            </p>
          </li>
        }
      </ul>
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class CommunePracticesPage {
  private readonly api = inject(GoodPracticesApi);
  private readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly canWrite = computed(() => this.session.hasMembership(this.slug, ['admin', 'editor']));
  protected readonly practices = resource({ loader: () => this.api.list(this.slug) });
}
