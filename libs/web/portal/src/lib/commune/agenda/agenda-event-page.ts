import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';

/** One agenda event (the target of agenda search results). */
@Component({
  selector: 'cp-agenda-event-page',
  imports: [RouterLink, TranslocoPipe, DatePipe, LoadFailure],
  template: `
    <a class="back" routerLink="..">{{
      'portal.commune.agenda.back' | transloco
    }}</a>
    @if (event.error()) {
      <cp-load-failure
        [heading]="'portal.commune.agenda.loadError' | transloco"
        [error]="event.error()"
        (retry)="event.reload()"
      />
    } @else if (event.hasValue()) {
      @let e = event.value();
      <h2 lang="fr">{{ e.title }}</h2>
      <p class="item__date">
        <time [attr.datetime]="e.startsAt">{{
          e.startsAt | cpDate: 'datetime'
        }}</time>
        @if (e.endsAt) {
          –
          {{
            'portal.commune.agenda.until'
              | transloco: { time: (e.endsAt | cpDate: 'datetime') }
          }}
        }
      </p>
      @if (e.location) {
        <p>
          {{ 'portal.commune.agenda.location' | transloco }} {{ e.location }}
        </p>
      }
      @if (e.state === 'cancelled') {
        <p class="withdrawn">
          {{
            'portal.commune.agenda.cancelledReason'
              | transloco: { reason: e.cancellationReason ?? '' }
          }}
        </p>
      }
      @if (e.description) {
        <p class="prose" lang="fr">{{ e.description }}</p>
      }
    } @else {
      <p role="status">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaEventPage {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);
  private readonly id = routeParam('id');

  protected readonly event = rxResource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    stream: ({ params }) => this.api.agendaEvent(params.slug, params.id),
  });
}
