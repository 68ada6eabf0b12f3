import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommuneContext } from '../commune-context';

/** Council and accountability sessions: the coming ones, then the past ones. */
@Component({
  selector: 'cp-commune-sessions',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslocoPipe,
    DatePipe,
    PluralPipe,
    LoadFailure,
  ],
  templateUrl: './commune-sessions.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneSessions {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);

  protected readonly upcoming = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.sessions(params, 'upcoming'),
  });
  protected readonly past = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.sessions(params, 'past'),
  });

  protected retry(): void {
    this.upcoming.reload();
    this.past.reload();
  }
}
