import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommuneContext } from '../commune-context';

/**
 * Council and accountability sessions: the last ones held (linked), the coming ones, then the
 * past ones; each opens its live page.
 */
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
  styles: `
    .last-held {
      display: grid;
      gap: 0.25rem;
      margin: 0 0 1rem;
      list-style: none;
    }
  `,
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

  /** The last council and accountability sessions held (the law expects them regularly), with links. */
  protected readonly lastHeld = computed(() => {
    const past = this.past.hasValue() ? this.past.value() : [];
    const last = (kind: 'council' | 'accountability') =>
      past.find((s) => s.kind === kind && s.status === 'ended') ?? null;
    return [
      { key: 'lastCouncil', session: last('council') },
      { key: 'lastAccountability', session: last('accountability') },
    ];
  });

  protected retry(): void {
    this.upcoming.reload();
    this.past.reload();
  }
}
