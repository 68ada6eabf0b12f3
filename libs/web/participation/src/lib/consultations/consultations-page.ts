import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@communes/web-auth';
import { DatePipe as CpDatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ParticipationApi } from '../participation-api';
import { injectCommune, injectSlug } from '../shared/commune';

/** `/communes/:slug/consultations`: open ones first, then upcoming, then closed (with results). */
@Component({
  selector: 'cp-consultations-page',
  imports: [TranslocoPipe, RouterLink, CpDatePipe, LoadFailure],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/participation.css',
  template: `
    @let name = commune.hasValue() ? commune.value().name : slug;
    <a class="back" [routerLink]="['/communes', slug]">← {{ name }}</a>
    <h1>{{ 'participation.consultations.title' | transloco }}</h1>
    <p>{{ 'participation.consultations.intro' | transloco: { commune: name } }}</p>
    @if (consultations.error()) {
      <cp-load-failure [heading]="'participation.consultations.loadError' | transloco" [error]="consultations.error()" (retry)="consultations.reload()" />
    } @else if (!consultations.hasValue()) {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    } @else {
      @for (group of groups(); track group.phase) {
        <section [attr.aria-labelledby]="'consultations-' + group.phase">
          <h2 [id]="'consultations-' + group.phase">{{ 'participation.consultations.phase.' + group.phase | transloco }}</h2>
          @if (group.items.length === 0) {
            <p>{{ 'participation.consultations.none.' + group.phase | transloco }}</p>
          }
          <ul class="list">
            @for (c of group.items; track c.id) {
              <li class="cp-card">
                <h3><a [routerLink]="c.id">{{ c.title }}</a></h3>
                <p class="meta">
                  @switch (c.phase) {
                    @case ('open') { {{ 'participation.consultations.closesOn' | transloco: { date: (c.closesAt | cpDate: 'datetime') } }} }
                    @case ('upcoming') { {{ 'participation.consultations.opensOn' | transloco: { date: (c.opensAt | cpDate: 'datetime') } }} }
                    @default { {{ 'participation.consultations.closedOn' | transloco: { date: (c.closesAt | cpDate) } }} }
                  }
                </p>
                @if (c.resultsAvailable) {
                  <p class="meta">{{ 'participation.consultations.resultsAvailable' | transloco }}</p>
                }
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
})
export class ConsultationsPage {
  private readonly api = inject(ParticipationApi);
  private readonly session = inject(AuthSession);
  protected readonly slug = injectSlug();
  protected readonly commune = injectCommune(this.slug);
  protected readonly consultations = resource({
    params: () => ({ signedIn: this.session.signedIn() }),
    loader: async () => {
      await this.session.whenReady();
      return this.api.consultations(this.slug);
    },
  });
  protected readonly groups = computed(() => {
    const all = this.consultations.hasValue() ? this.consultations.value() : [];
    // Drafts (staff only) are prepared in the console, not listed to citizens here.
    return (['open', 'upcoming', 'closed'] as const).map((phase) => ({ phase, items: all.filter((c) => c.phase === phase) }));
  });
}
