import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';

/**
 * One session (the target of session search results): when and where, its agenda with the
 * documents of each item, the minutes and decisions once held, the video link. Read only: the
 * stream opens on its own site (no heavy player here).
 */
@Component({
  selector: 'cp-session-page',
  imports: [RouterLink, TranslocoPipe, DatePipe, LoadFailure],
  templateUrl: './session-page.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionPage {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);
  private readonly id = routeParam('id');

  protected readonly session = rxResource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    stream: ({ params }) => this.api.session(params.slug, params.id),
  });

  /** Documents not tied to an agenda item (minutes, decisions, media), published ones only. */
  protected readonly sessionDocuments = computed(() =>
    this.session.hasValue()
      ? this.session
          .value()
          .documents.filter(
            (d) => d.state !== 'draft' && d.agendaPosition === null,
          )
      : [],
  );
}
