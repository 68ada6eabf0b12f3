import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { type AgendaEvent, TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { pastYearRange } from '../../shared/dates';
import { CommuneContext } from '../commune-context';

/** The mayor's agenda and council sessions: what is coming, then the last twelve months. */
@Component({
  selector: 'cp-commune-agenda',
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe, DatePipe, LoadFailure],
  templateUrl: './commune-agenda.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneAgenda {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);

  protected readonly upcoming = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.agenda(params),
  });
  protected readonly past = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.agenda(params, pastYearRange()),
  });

  protected readonly upcomingEvents = computed(() =>
    this.upcoming.hasValue() ? visible(this.upcoming.value()) : [],
  );
  /** Most recent first. */
  protected readonly pastEvents = computed(() =>
    this.past.hasValue() ? visible(this.past.value()).reverse() : [],
  );

  protected retry(): void {
    this.upcoming.reload();
    this.past.reload();
  }
}

function visible(events: AgendaEvent[]): AgendaEvent[] {
  return events.filter((e) => e.state !== 'draft');
}
