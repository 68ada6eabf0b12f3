import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CivicApi, type SessionDetail, type SessionQuestion } from '../civic/civic-api';
import {
  applyEvent,
  EVENT_SOURCE_FACTORY,
  type EventSourceLike,
  keepHidden,
  LIVE_POLL_INTERVAL,
  SessionLive,
  worthFollowing,
} from './session-live';

/** A stand-in for the browser's EventSource, driven by the test. */
class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, id: string, data: unknown): void {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data), lastEventId: id });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** `closed`: the browser gave up; otherwise it retries by itself. */
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

function question(id: string, text: string, createdAt: string, extra: Partial<SessionQuestion> = {}): SessionQuestion {
  return {
    id,
    sessionId: 's1',
    text,
    answer: null,
    answeredAt: null,
    answered: false,
    hidden: false,
    hiddenReason: null,
    hiddenAt: null,
    createdAt,
    authorId: null,
    authorName: null,
    isMine: false,
    ...extra,
  };
}

function detail(extra: Partial<SessionDetail> = {}): SessionDetail {
  return {
    id: 's1',
    communeId: 'c1',
    kind: 'accountability',
    sessionType: null,
    title: 'Reddition de comptes 2026',
    description: null,
    place: null,
    startsAt: '2026-11-22T18:00:00Z',
    endsAt: null,
    streamUrl: null,
    streamEmbedUrl: null,
    streamKind: null,
    status: 'scheduled',
    publishedAt: '2026-11-01T00:00:00Z',
    liveAt: null,
    endedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    summary: null,
    createdAt: '',
    updatedAt: '',
    questionCount: 1,
    agenda: [],
    documents: [],
    questions: [question('q1', 'Où en est le marché ?', '2026-11-20T10:00:00Z')],
    lastEventId: '10',
    events: null,
    ...extra,
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('SessionLive', () => {
  let api: { session: jest.Mock; sessionEventsUrl: (slug: string, id: string, since: string) => string };
  let factory: ((url: string) => EventSourceLike) | null;

  function setup(platform = 'browser'): SessionLive {
    TestBed.configureTestingModule({
      providers: [
        SessionLive,
        { provide: CivicApi, useValue: api },
        { provide: EVENT_SOURCE_FACTORY, useFactory: () => factory },
        { provide: LIVE_POLL_INTERVAL, useValue: 1_000 },
        { provide: PLATFORM_ID, useValue: platform },
      ],
    });
    return TestBed.inject(SessionLive);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    FakeEventSource.opened = [];
    factory = (url) => new FakeEventSource(url);
    api = {
      session: jest.fn(),
      sessionEventsUrl: (slug, id, since) => `/api/v1/communes/${slug}/council-sessions/${id}/events?since=${since}`,
    };
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('follows the stream from the last event of the page: status, questions, answers and hidden questions become signals', () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [source] = FakeEventSource.opened;
    expect(source.url).toBe('/api/v1/communes/cotonou/council-sessions/s1/events?since=10');
    expect(live.mode()).toBe('connecting');
    source.open();
    expect(live.mode()).toBe('streaming');

    source.emit('status', '11', { status: 'live', cancellationReason: null, createdAt: '2026-11-22T18:01:00Z' });
    expect(live.session()?.status).toBe('live');
    expect(live.session()?.liveAt).toBe('2026-11-22T18:01:00Z');
    expect(live.statusChange()).toEqual({ status: 'live', reason: null });

    source.emit('question', '12', { question: question('q2', 'Et les pavés ?', '2026-11-22T18:02:00Z') });
    source.emit('answer', '13', { questionId: 'q1', answer: 'Livré en mars.', answeredAt: '2026-11-22T18:03:00Z' });
    source.emit('hidden', '14', { questionId: 'q2' });
    const questions = live.session()?.questions ?? [];
    expect(questions.map((q) => [q.id, q.answered, q.answer, q.hidden, q.text])).toEqual([
      ['q1', true, 'Livré en mars.', false, 'Où en est le marché ?'],
      ['q2', false, null, true, ''],
    ]);
    expect(live.session()?.questionCount).toBe(1);

    // An event already seen (the browser resends nothing twice, but a reload may overlap) changes nothing.
    source.emit('question', '12', { question: question('q2', 'Et les pavés ?', '2026-11-22T18:02:00Z') });
    expect(live.session()?.questions).toHaveLength(2);
  });

  it("marks as the caller's own a question whose stream copy arrived before the answer to its POST", () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [source] = FakeEventSource.opened;
    source.open();
    const asked = question('q7', 'Et la voirie ?', '2026-11-22T18:05:00Z');
    source.emit('question', '12', { question: asked });
    live.addOwn({ ...asked, isMine: true });
    const questions = live.session()?.questions ?? [];
    expect(questions.filter((q) => q.id === 'q7').map((q) => q.isMine)).toEqual([true]);
    expect(live.session()?.questionCount).toBe(2);
  });

  it('reloads the session on `updated`, and replays on top the events that followed the snapshot', async () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [source] = FakeEventSource.opened;
    source.open();
    let answer: (value: SessionDetail) => void = () => undefined;
    api.session.mockReturnValueOnce(new Promise<SessionDetail>((resolve) => (answer = resolve)));

    source.emit('updated', '11', {});
    expect(api.session).toHaveBeenCalledWith('cotonou', 's1');
    // The session goes live while the reload is on its way; the reload was read before that.
    source.emit('status', '12', { status: 'live', cancellationReason: null });
    answer(detail({ summary: 'Ordre du jour complété', lastEventId: '11' }));
    await flush();

    expect(live.session()?.summary).toBe('Ordre du jour complété');
    expect(live.session()?.status).toBe('live');
  });

  it('opens the stream again from the last event id when the browser gives up on it', () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [first] = FakeEventSource.opened;
    first.open();
    first.emit('status', '15', { status: 'live', cancellationReason: null });
    first.fail(true);
    expect(live.mode()).toBe('reconnecting');

    jest.advanceTimersByTime(1_000);
    const second = FakeEventSource.opened[1];
    expect(second.url).toContain('since=15');
    second.open();
    expect(live.mode()).toBe('streaming');
  });

  it('lets the browser reconnect by itself (Last-Event-ID), then falls back to polling when the stream keeps failing', async () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [source] = FakeEventSource.opened;
    source.fail(false);
    expect(live.mode()).toBe('reconnecting');
    expect(FakeEventSource.opened).toHaveLength(1);

    api.session.mockResolvedValue(detail({ status: 'live', lastEventId: '20', events: [] }));
    source.fail(false);
    source.fail(false);
    expect(source.closed).toBe(true);
    expect(live.mode()).toBe('polling');
    expect(api.session).toHaveBeenCalledWith('cotonou', 's1', '10');
    await flush();
    expect(live.session()?.status).toBe('live');
    expect(live.statusChange()?.status).toBe('live');
  });

  it('polls with `since` where EventSource is missing, keeping questions hidden meanwhile as hidden', async () => {
    factory = null;
    const live = setup();
    const asked = question('q2', 'Et les pavés ?', '2026-11-22T18:02:00Z');
    api.session.mockResolvedValueOnce(detail({ status: 'live', lastEventId: '12', events: [], questions: [detail().questions[0], asked] }));
    live.start('cotonou', 's1', detail());
    expect(live.mode()).toBe('polling');
    expect(api.session).toHaveBeenLastCalledWith('cotonou', 's1', '10');
    await flush();
    expect(live.session()?.questions.map((q) => q.id)).toEqual(['q1', 'q2']);

    api.session.mockResolvedValueOnce(
      detail({ status: 'ended', cancellationReason: null, lastEventId: '14', events: [], questions: [detail().questions[0]] }),
    );
    await jest.advanceTimersByTimeAsync(1_000);
    expect(api.session).toHaveBeenLastCalledWith('cotonou', 's1', '12');
    expect(live.session()?.status).toBe('ended');
    expect(live.statusChange()).toEqual({ status: 'ended', reason: null });
    expect(live.session()?.questions.map((q) => [q.id, q.hidden, q.text])).toEqual([
      ['q1', false, 'Où en est le marché ?'],
      ['q2', true, ''],
    ]);
  });

  it('keeps polling after a failed poll, more slowly', async () => {
    factory = null;
    const live = setup();
    api.session.mockRejectedValueOnce(new Error('offline')).mockResolvedValue(detail({ status: 'live', lastEventId: '11', events: [] }));
    live.start('cotonou', 's1', detail());
    await flush();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(api.session).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(api.session).toHaveBeenCalledTimes(2);
    expect(live.session()?.status).toBe('live');
  });

  it('does not poll while the page is hidden, and catches up when it shows again', async () => {
    factory = null;
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const live = setup();
    api.session.mockResolvedValue(detail({ status: 'live', lastEventId: '11', events: [] }));
    live.start('cotonou', 's1', detail());
    await jest.advanceTimersByTimeAsync(5_000);
    expect(api.session).not.toHaveBeenCalled();

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(api.session).toHaveBeenCalledWith('cotonou', 's1', '10');
    expect(live.session()?.status).toBe('live');
  });

  it('stops listening when stopped, and does nothing on the server', () => {
    const live = setup();
    live.start('cotonou', 's1', detail());
    const [source] = FakeEventSource.opened;
    live.stop();
    expect(source.closed).toBe(true);
    source.emit('status', '11', { status: 'live', cancellationReason: null });
    expect(live.session()?.status).toBe('scheduled');

    TestBed.resetTestingModule();
    FakeEventSource.opened = [];
    const onServer = setup('server');
    onServer.start('cotonou', 's1', detail());
    expect(onServer.session()?.title).toBe('Reddition de comptes 2026');
    expect(FakeEventSource.opened).toHaveLength(0);
    expect(api.session).not.toHaveBeenCalled();
  });
});

describe('which sessions are followed live', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('follows scheduled and live sessions and those ended less than a day ago, not cancelled or older ones', () => {
    expect(worthFollowing(detail({ status: 'scheduled' }), now)).toBe(true);
    expect(worthFollowing(detail({ status: 'live' }), now)).toBe(true);
    expect(worthFollowing(detail({ status: 'ended', endedAt: '2026-11-22T09:00:00Z' }), now)).toBe(true);
    expect(worthFollowing(detail({ status: 'ended', endedAt: '2026-11-20T09:00:00Z' }), now)).toBe(false);
    expect(worthFollowing(detail({ status: 'cancelled', cancelledAt: '2026-11-22T09:00:00Z', cancellationReason: 'Quorum' }), now)).toBe(false);
  });

  it('opens no stream for a session ended long ago', () => {
    TestBed.configureTestingModule({
      providers: [
        SessionLive,
        { provide: CivicApi, useValue: { session: jest.fn(), sessionEventsUrl: () => '/events' } },
        { provide: EVENT_SOURCE_FACTORY, useValue: (url: string) => new FakeEventSource(url) },
      ],
    });
    FakeEventSource.opened = [];
    const live = TestBed.inject(SessionLive);
    live.start('cotonou', 's1', detail({ status: 'ended', endedAt: '2020-01-01T00:00:00Z' }));
    expect(FakeEventSource.opened).toHaveLength(0);
    expect(live.mode()).toBe('idle');
    expect(live.session()?.status).toBe('ended');
  });
});

describe('live session events, as pure changes', () => {
  it('cancels with the reason, and keeps the author the text of their hidden question', () => {
    const mine = question('q9', 'Ma question', '2026-11-22T18:00:00Z', { isMine: true });
    const start = detail({ questions: [mine] });
    const cancelled = applyEvent(start, { id: '11', type: 'status', data: { status: 'cancelled', cancellationReason: 'Quorum non atteint' } });
    expect([cancelled.status, cancelled.cancellationReason]).toEqual(['cancelled', 'Quorum non atteint']);
    expect(start.status).toBe('scheduled');
    const hidden = applyEvent(start, { id: '12', type: 'hidden', data: { questionId: 'q9' } });
    expect([hidden.questions[0].hidden, hidden.questions[0].text]).toEqual([true, 'Ma question']);
  });

  it('keeps questions gone from a fresh list, hidden, in their place', () => {
    const a = question('a', 'A', '2026-11-22T10:00:00Z');
    const b = question('b', 'B', '2026-11-22T11:00:00Z');
    const c = question('c', 'C', '2026-11-22T12:00:00Z');
    expect(keepHidden([a, b], [a, c]).map((q) => [q.id, q.hidden])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
  });
});
