import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  resource,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  SESSION_QUESTION_MAX,
  SESSION_QUESTION_MIN,
} from '@communes/shared-contracts';
import { ReportButton } from '@communes/web-participation';
import { DatePipe, LoadFailure } from '@communes/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CivicApi, type SessionDetail } from '../civic/civic-api';
import { MessageForm } from '../civic/message-form';
import { CommuneContext } from '../commune-context';
import { LIVE_POLL_INTERVAL, SessionLive } from './session-live';
import { type StreamKind, StreamPlayer } from './stream-player';

type SessionDocument = SessionDetail['documents'][number];

/**
 * One council or accountability session, followed live: the status badge, the questions and the
 * answers change without reloading (SessionLive: server-sent events, polling as a fallback), and
 * status changes are announced politely to screen readers. The broadcast behind a click-to-load
 * facade; the agenda with its documents; questions asked before and during (login required);
 * after the session: minutes, deliberations, photos and videos, summary.
 */
@Component({
  selector: 'cp-session-page',
  imports: [RouterLink, TranslocoPipe, DatePipe, LoadFailure, StreamPlayer, MessageForm, ReportButton],
  providers: [SessionLive],
  templateUrl: './session-page.html',
  styleUrls: ['../commune-section.css', './session-page.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionPage {
  private readonly api = inject(CivicApi);
  private readonly context = inject(CommuneContext);
  private readonly transloco = inject(TranslocoService);
  protected readonly live = inject(SessionLive);
  private readonly id = routeParam('id');
  protected readonly slug = this.context.slug;
  protected readonly questionMin = SESSION_QUESTION_MIN;
  protected readonly questionMax = SESSION_QUESTION_MAX;
  protected readonly pollSeconds = Math.round(inject(LIVE_POLL_INTERVAL) / 1000);

  protected readonly initial = resource({
    params: () => ({ slug: this.context.slug(), id: this.id() }),
    loader: ({ params }) => this.api.session(params.slug, params.id),
  });

  protected readonly session = computed(() => this.live.session());

  /** Said once to screen readers when the status changes live. */
  protected readonly announcement = computed(() => {
    const change = this.live.statusChange();
    if (!change || change.status === 'draft') return '';
    return this.transloco.translate(`civic.live.announce.${change.status}`, { reason: change.reason ?? '' });
  });

  protected readonly stream = computed(() => {
    const s = this.session();
    if (!s?.streamUrl || !s.streamKind || s.status === 'cancelled') return null;
    return { kind: s.streamKind as StreamKind, url: s.streamUrl, embedUrl: s.streamEmbedUrl };
  });

  protected readonly questionsOpen = computed(() => {
    const status = this.session()?.status;
    return status === 'scheduled' || status === 'live';
  });

  protected readonly documentsByRole = computed(() => {
    const documents = (this.session()?.documents ?? []).filter((d) => d.state !== 'draft' && d.agendaPosition === null);
    const of = (role: SessionDocument['role']) => documents.filter((d) => d.role === role);
    return { minutes: of('minutes'), deliberation: of('deliberation'), media: of('media') };
  });

  protected readonly hasAfter = computed(() => {
    const s = this.session();
    const docs = this.documentsByRole();
    return !!s && (s.status === 'ended' || !!s.summary || docs.minutes.length + docs.deliberation.length + docs.media.length > 0);
  });

  protected readonly ask = (text: string): Promise<unknown> =>
    this.api.ask(this.slug(), this.id(), text).then((question) => this.live.addOwn(question));

  constructor() {
    effect(() => {
      if (!this.initial.hasValue()) return;
      const detail = this.initial.value();
      const slug = this.context.slug();
      const id = this.id();
      untracked(() => this.live.start(slug, id, detail));
    });
  }

  protected documentLink(doc: SessionDocument): unknown[] {
    return ['/communes', this.slug(), 'documents', doc.documentId];
  }
}
