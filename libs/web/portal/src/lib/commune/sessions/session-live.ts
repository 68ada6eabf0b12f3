import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { inject, Injectable, InjectionToken, type OnDestroy, PLATFORM_ID, signal } from '@angular/core';
import { CivicApi, type SessionDetail, type SessionQuestion } from '../civic/civic-api';

/** The part of the browser's EventSource used here (a fake one in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** Opens server-sent event streams; null where the browser has no EventSource (then: polling). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory | null>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (typeof EventSource === 'function' ? (url: string) => new EventSource(url) : null),
});

/** How often the polling fallback asks for what changed (ms). */
export const LIVE_POLL_INTERVAL = new InjectionToken<number>('LIVE_POLL_INTERVAL', {
  providedIn: 'root',
  factory: () => 15_000,
});

export type LiveMode = 'idle' | 'connecting' | 'streaming' | 'reconnecting' | 'polling';

export type LiveEventType = 'status' | 'question' | 'answer' | 'hidden' | 'updated';

export interface LiveEvent {
  id: string;
  type: LiveEventType;
  data: Record<string, unknown>;
  createdAt?: string;
}

export interface StatusChange {
  status: SessionDetail['status'];
  reason: string | null;
}

const EVENT_TYPES: readonly LiveEventType[] = ['status', 'question', 'answer', 'hidden', 'updated'];
const CLOSED = 2;
/** Failed connections in a row before giving up on the stream for polling (a proxy that buffers, a captive portal...). */
const MAX_STREAM_FAILURES = 3;
/** Events kept to replay on top of a reloaded session that was read before them. */
const REPLAY_LOG = 200;
/** The API's page of events per poll: a full page means more are waiting. */
const EVENTS_PER_POLL = 500;

/**
 * A session followed live, as signals: the session (status, questions, answers) kept up to date
 * from the server-sent events of `GET …/council-sessions/:id/events`, resumed from the last event
 * id after a cut (the browser sends Last-Event-ID itself; a stream opened again by us passes
 * `since`). Where EventSource is missing or keeps failing, it polls `GET …/:id?since=<id>` instead
 * (not while the page is hidden: no data spent for nobody).
 * Provided by the session page; stops when the page goes. Nothing runs on the server (SSR).
 */
@Injectable()
export class SessionLive implements OnDestroy {
  private readonly api = inject(CivicApi);
  private readonly openStream = inject(EVENT_SOURCE_FACTORY);
  private readonly pollInterval = inject(LIVE_POLL_INTERVAL);
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly document = inject(DOCUMENT);

  readonly session = signal<SessionDetail | null>(null);
  readonly mode = signal<LiveMode>('idle');
  /** The last status change seen live (for the page's polite announcement). */
  readonly statusChange = signal<StatusChange | null>(null);

  private slug = '';
  private id = '';
  private lastEventId = '0';
  private log: LiveEvent[] = [];
  private source: EventSourceLike | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private onVisible: (() => void) | null = null;

  /** Shows `initial` and, in a browser, follows its changes. */
  start(slug: string, id: string, initial: SessionDetail): void {
    this.stop();
    this.slug = slug;
    this.id = id;
    this.lastEventId = initial.lastEventId;
    this.log = [];
    this.failures = 0;
    this.statusChange.set(null);
    this.session.set(initial);
    if (!this.browser || !worthFollowing(initial)) return;
    this.stopped = false;
    if (this.openStream) this.connect();
    else this.poll();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.onVisible) this.document.removeEventListener('visibilitychange', this.onVisible);
    this.onVisible = null;
    this.mode.set('idle');
  }

  ngOnDestroy(): void {
    this.stop();
  }

  /**
   * A question the caller just asked: shown at once (the stream brings it to the others). The
   * stream's copy may have arrived first, without `isMine` (it is the same for every follower):
   * then that copy is marked as the caller's.
   */
  addOwn(question: SessionQuestion): void {
    const session = this.session();
    if (!session) return;
    const known = session.questions.some((q) => q.id === question.id);
    this.session.set(known ? patchQuestion(session, question.id, (q) => ({ ...q, isMine: true })) : withQuestion(session, question));
  }

  private connect(): void {
    if (this.stopped || !this.openStream) return;
    this.mode.set(this.failures === 0 ? 'connecting' : 'reconnecting');
    let source: EventSourceLike;
    try {
      source = this.openStream(this.api.sessionEventsUrl(this.slug, this.id, this.lastEventId));
    } catch {
      this.poll();
      return;
    }
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.mode.set('streaming');
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.failures++;
      if (this.failures >= MAX_STREAM_FAILURES) {
        source.close();
        this.source = null;
        this.poll();
      } else if (source.readyState === CLOSED) {
        // The browser gave up (an error status, not an event stream): open it again ourselves,
        // from the last event received.
        this.source = null;
        this.mode.set('reconnecting');
        this.later(() => this.connect(), 1_000 * this.failures);
      } else {
        // The browser reconnects by itself, sending Last-Event-ID.
        this.mode.set('reconnecting');
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        if (this.source !== source) return;
        this.receive(type, message);
      });
    }
  }

  private receive(type: LiveEventType, message: MessageEvent<string>): void {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(message.data) as Record<string, unknown>;
    } catch {
      return;
    }
    const createdAt = typeof data['createdAt'] === 'string' ? data['createdAt'] : undefined;
    this.apply({ id: message.lastEventId, type, data, createdAt });
  }

  private apply(event: LiveEvent): void {
    if (!/^\d+$/.test(event.id) || BigInt(event.id) <= BigInt(this.lastEventId)) return;
    this.lastEventId = event.id;
    this.log.push(event);
    if (this.log.length > REPLAY_LOG) this.log.shift();
    if (event.type === 'updated') {
      void this.reload();
      return;
    }
    const session = this.session();
    if (session) this.show(applyEvent(session, event));
  }

  /** `updated`: the agenda, documents or summary changed; read the whole session again. */
  private async reload(): Promise<void> {
    try {
      const fresh = await this.api.session(this.slug, this.id);
      if (this.stopped) return;
      this.showSnapshot(fresh);
    } catch {
      // The next event or poll brings it; the page keeps what it shows.
    }
  }

  private poll(): void {
    if (this.stopped) return;
    this.mode.set('polling');
    // Nobody looking (phone in a pocket, another tab): no data spent until the page shows again.
    if (this.document.visibilityState === 'hidden') {
      this.whenVisible(() => this.poll());
      return;
    }
    void this.api.session(this.slug, this.id, this.lastEventId).then(
      (fresh) => {
        if (this.stopped) return;
        this.showSnapshot(fresh);
        this.later(() => this.poll(), (fresh.events?.length ?? 0) >= EVENTS_PER_POLL ? 0 : this.pollInterval);
      },
      () => this.later(() => this.poll(), this.pollInterval * 2),
    );
  }

  /**
   * A whole session read from the API. Events received after it was read are applied again on
   * top (it may have been read before them); questions that disappeared were hidden meanwhile.
   */
  private showSnapshot(fresh: SessionDetail): void {
    const previous = this.session();
    let next: SessionDetail = { ...fresh, events: null, questions: previous ? keepHidden(previous.questions, fresh.questions) : fresh.questions };
    for (const event of this.log) {
      if (event.type !== 'updated' && BigInt(event.id) > BigInt(fresh.lastEventId)) next = applyEvent(next, event);
    }
    if (BigInt(fresh.lastEventId) > BigInt(this.lastEventId)) this.lastEventId = fresh.lastEventId;
    this.show(next);
  }

  private show(next: SessionDetail): void {
    const previous = this.session();
    this.session.set(next);
    if (previous && previous.status !== next.status) {
      this.statusChange.set({ status: next.status, reason: next.cancellationReason });
    }
  }

  private whenVisible(work: () => void): void {
    if (this.onVisible) return;
    this.onVisible = () => {
      if (this.document.visibilityState === 'hidden') return;
      if (this.onVisible) this.document.removeEventListener('visibilitychange', this.onVisible);
      this.onVisible = null;
      if (!this.stopped) work();
    };
    this.document.addEventListener('visibilitychange', this.onVisible);
  }

  private later(work: () => void, ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) work();
    }, ms);
  }
}

/** After this long, an ended session gets no more written answers worth a live connection. */
export const FOLLOW_AFTER_END_MS = 24 * 3_600_000;

/** Scheduled, live, or ended less than a day ago (answers written afterwards); not cancelled. */
export function worthFollowing(session: SessionDetail, now = Date.now()): boolean {
  if (session.status === 'scheduled' || session.status === 'live') return true;
  if (session.status !== 'ended') return false;
  const ended = Date.parse(session.endedAt ?? '');
  return Number.isNaN(ended) || now - ended < FOLLOW_AFTER_END_MS;
}

/** The session after one live event (pure: a new object, the old one untouched). */
export function applyEvent(session: SessionDetail, event: LiveEvent): SessionDetail {
  const data = event.data;
  switch (event.type) {
    case 'status': {
      const status = data['status'] as SessionDetail['status'];
      const at = event.createdAt ?? new Date().toISOString();
      return {
        ...session,
        status,
        cancellationReason: typeof data['cancellationReason'] === 'string' ? data['cancellationReason'] : null,
        liveAt: status === 'live' ? (session.liveAt ?? at) : session.liveAt,
        endedAt: status === 'ended' ? (session.endedAt ?? at) : session.endedAt,
        cancelledAt: status === 'cancelled' ? (session.cancelledAt ?? at) : session.cancelledAt,
      };
    }
    case 'question': {
      const question = data['question'] as SessionQuestion | undefined;
      return question ? withQuestion(session, question) : session;
    }
    case 'answer': {
      const answeredAt = typeof data['answeredAt'] === 'string' ? data['answeredAt'] : (event.createdAt ?? null);
      const answer = typeof data['answer'] === 'string' ? data['answer'] : null;
      return patchQuestion(session, data['questionId'], (q) => ({ ...q, answered: true, answer, answeredAt }));
    }
    case 'hidden': {
      const hidden = patchQuestion(session, data['questionId'], (q) => hide(q, event.createdAt));
      return hidden === session ? session : { ...hidden, questionCount: Math.max(0, session.questionCount - 1) };
    }
    default:
      return session;
  }
}

function withQuestion(session: SessionDetail, question: SessionQuestion): SessionDetail {
  if (session.questions.some((q) => q.id === question.id)) return session;
  return { ...session, questions: [...session.questions, question], questionCount: session.questionCount + 1 };
}

function patchQuestion(session: SessionDetail, id: unknown, change: (q: SessionQuestion) => SessionQuestion): SessionDetail {
  const index = session.questions.findIndex((q) => q.id === id);
  if (index < 0) return session;
  const questions = [...session.questions];
  questions[index] = change(questions[index]);
  return { ...session, questions };
}

/** Hidden for everyone but its author: the text goes, a mark stays in its place. */
function hide(question: SessionQuestion, at?: string): SessionQuestion {
  return { ...question, hidden: true, hiddenAt: question.hiddenAt ?? at ?? null, text: question.isMine ? question.text : '' };
}

/** The fresh list, plus, hidden, the questions seen before that it no longer has (questions are never deleted, only hidden). */
export function keepHidden(before: SessionQuestion[], fresh: SessionQuestion[]): SessionQuestion[] {
  const ids = new Set(fresh.map((q) => q.id));
  const gone = before.filter((q) => !ids.has(q.id)).map((q) => hide(q));
  if (gone.length === 0) return fresh;
  return [...fresh, ...gone].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
