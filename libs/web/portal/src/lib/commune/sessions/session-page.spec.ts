import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession, type SessionStatus } from '@communes/web-auth';
import { ApiError, CommunesApi, type CommunePage, TransparencyApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import portalEn from '../../i18n/en.json';
import portalFr from '../../i18n/fr.json';
import { CivicApi, type SessionDetail, type SessionQuestion } from '../civic/civic-api';
import civicEn from '../civic/i18n/en.json';
import civicFr from '../civic/i18n/fr.json';
import { communeRoutes } from '../commune.routes';
import { EVENT_SOURCE_FACTORY, type EventSourceLike } from './session-live';

class FakeEventSource implements EventSourceLike {
  static last: FakeEventSource | null = null;
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  emit(type: string, id: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(new MessageEvent<string>(type, { data: JSON.stringify(data), lastEventId: id }));
    }
  }
}

@Component({ template: 'login' })
class LoginStub {}

const commune = {
  id: 'c1',
  slug: 'cotonou',
  name: 'Cotonou',
  department: 'Littoral',
  country: 'BJ',
  status: 'active',
  isPilot: true,
  population: null,
  activatedAt: null,
  onboardingStartedAt: null,
  suspendedAt: null,
  suspensionReason: null,
  checklist: [],
  branding: null,
} as unknown as CommunePage;

function question(id: string, text: string, extra: Partial<SessionQuestion> = {}): SessionQuestion {
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
    createdAt: '2026-11-20T10:00:00Z',
    authorId: null,
    authorName: null,
    isMine: false,
    ...extra,
  };
}

function session(extra: Partial<SessionDetail> = {}): SessionDetail {
  return {
    id: 's1',
    communeId: 'c1',
    kind: 'council',
    sessionType: 'ordinary',
    title: 'Deuxième session ordinaire 2026',
    description: null,
    place: 'Hôtel de ville',
    startsAt: '2026-11-22T09:00:00Z',
    endsAt: null,
    streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    streamEmbedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    streamKind: 'youtube',
    status: 'scheduled',
    publishedAt: '',
    liveAt: null,
    endedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    summary: null,
    createdAt: '',
    updatedAt: '',
    questionCount: 1,
    agenda: [
      {
        position: 1,
        title: 'Vote du budget primitif 2027',
        description: null,
        documents: [
          { documentId: 'd1', title: 'Projet de budget 2027', category: 'budget_primitif', role: 'agenda', agendaPosition: 1, state: 'published', publishedAt: '' },
        ],
      },
    ],
    documents: [],
    questions: [question('q1', 'Quand la voie de Fidjrossè sera-t-elle pavée ?')],
    lastEventId: '7',
    events: null,
    ...extra,
  } as SessionDetail;
}

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

describe('session page (live)', () => {
  let detail: SessionDetail;
  let civic: { session: jest.Mock; ask: jest.Mock; sessionEventsUrl: (slug: string, id: string, since: string) => string };
  let status: ReturnType<typeof signal<SessionStatus>>;
  let harness: RouterTestingHarness;
  const page = () => harness.routeNativeElement as HTMLElement;

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/communes/cotonou/sessions/s1');
    await harness.fixture.whenStable();
  }

  async function type(text: string): Promise<HTMLTextAreaElement> {
    const area = page().querySelector<HTMLTextAreaElement>('#session-question-text');
    if (!area) throw new Error('no question form');
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    return area;
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLFormElement>('cp-message-form form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    FakeEventSource.last = null;
    detail = session();
    status = signal<SessionStatus>('signed-in');
    civic = {
      session: jest.fn(() => Promise.resolve(detail)),
      ask: jest.fn(),
      sessionEventsUrl: (slug, id, since) => `/events/${slug}/${id}?since=${since}`,
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'communes/:slug', children: communeRoutes },
          { path: 'connexion', component: LoginStub },
        ]),
        provideCommunesI18nTesting({ portal: { fr: portalFr, en: portalEn }, civic: { fr: civicFr, en: civicEn } }),
        { provide: CommunesApi, useValue: { get: () => of(commune) } },
        { provide: TransparencyApi, useValue: {} },
        { provide: CivicApi, useValue: civic },
        { provide: EVENT_SOURCE_FACTORY, useValue: (url: string) => new FakeEventSource(url) },
        {
          provide: AuthSession,
          useValue: { status, signedIn: () => status() === 'signed-in', whenReady: () => Promise.resolve() },
        },
      ],
    });
  });

  it('updates the status, questions and answers as they happen, and says the status change politely', async () => {
    await open();
    const badge = () => plain(page().querySelector('[data-testid="session-status"]')?.textContent);
    const live = page().querySelector('[aria-live="polite"]');
    expect(badge()).toBe('Prévue');
    expect(plain(live?.textContent)).toBe('');
    expect(FakeEventSource.last?.url).toBe('/events/cotonou/s1?since=7');

    const source = FakeEventSource.last as FakeEventSource;
    source.emit('status', '8', { status: 'live', cancellationReason: null });
    source.emit('question', '9', { question: question('q2', 'Combien a coûté le nouveau marché ?') });
    source.emit('answer', '10', { questionId: 'q1', answer: 'Les travaux commencent en janvier.', answeredAt: '2026-11-22T09:30:00Z' });
    await harness.fixture.whenStable();

    expect(badge()).toBe('En direct');
    expect(page().querySelector('[aria-live="polite"]')).toBe(live);
    expect(plain(live?.textContent)).toBe('La session a commencé : elle est en direct.');
    const items = () => Array.from(page().querySelectorAll('[data-testid="questions"] > li'), (li) => plain(li.textContent));
    expect(items()[0]).toContain('Réponse de la commune : Les travaux commencent en janvier.');
    expect(items()[1]).toContain('Combien a coûté le nouveau marché ?');

    source.emit('hidden', '11', { questionId: 'q2' });
    source.emit('status', '12', { status: 'ended', cancellationReason: null });
    await harness.fixture.whenStable();
    expect(items()[1]).toBe('Question masquée par la modération.');
    expect(badge()).toBe('Terminée');
    expect(plain(live?.textContent)).toBe('La session est terminée.');
    // Once ended, no more questions.
    expect(page().querySelector('#session-question-text')).toBeNull();
  });

  it('loads the YouTube player only when asked, and always links the stream', async () => {
    await open();
    expect(page().querySelector('iframe')).toBeNull();
    const link = page().querySelector<HTMLAnchorElement>('cp-stream-player a[target="_blank"]');
    expect(plain(link?.textContent)).toBe('Ouvrir la retransmission sur YouTube');
    expect(link?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');

    const button = page().querySelector<HTMLButtonElement>('cp-stream-player button');
    expect(plain(button?.textContent)).toBe('Regarder la retransmission');
    button?.click();
    await harness.fixture.whenStable();
    const frame = page().querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(frame?.getAttribute('title')).toBe('Retransmission : Deuxième session ordinaire 2026');
  });

  it('refuses to embed a player from an unexpected origin (link only)', async () => {
    detail = session({ streamEmbedUrl: 'https://evil.example/embed' });
    await open();
    expect(page().querySelector('cp-stream-player button')).toBeNull();
    expect(page().querySelector('cp-stream-player a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('keeps the question when sending fails (429: when to try again), then shows it once sent', async () => {
    await open();
    const area = await type('Pourquoi les lampadaires de Cadjèhoun sont-ils éteints ?');
    civic.ask.mockRejectedValueOnce(
      new ApiError(429, 'Too many submissions', 'rate-limited', null, {
        cause: new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '120' }) }),
      }),
    );
    await submit();

    expect(Array.from(page().querySelectorAll('[role="alert"] p'), (p) => plain(p.textContent))).toEqual([
      'Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans 2 min.',
      'Votre texte est conservé : vous pouvez réessayer.',
    ]);
    expect(area.value).toBe('Pourquoi les lampadaires de Cadjèhoun sont-ils éteints ?');
    expect(localStorage.getItem('communes.draft.session-question.s1')).toBe('Pourquoi les lampadaires de Cadjèhoun sont-ils éteints ?');

    civic.ask.mockResolvedValueOnce(question('q3', 'Pourquoi les lampadaires de Cadjèhoun sont-ils éteints ?', { isMine: true }));
    await submit();
    expect(civic.ask).toHaveBeenLastCalledWith('cotonou', 's1', 'Pourquoi les lampadaires de Cadjèhoun sont-ils éteints ?');
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(area.value).toBe('');
    expect(localStorage.getItem('communes.draft.session-question.s1')).toBeNull();
    expect(plain(page().querySelector('[data-testid="questions"] > li:last-child')?.textContent)).toContain('Votre question');
    // Others' questions can be reported to the moderators; one's own cannot.
    expect(page().querySelectorAll('[data-testid="questions"] > li:first-child cp-report-button')).toHaveLength(1);
    expect(page().querySelector('[data-testid="questions"] > li:last-child cp-report-button')).toBeNull();
  });

  it('sends a signed-out citizen to the login page, the question kept for their return', async () => {
    status.set('anonymous');
    await open();
    expect(plain(page().querySelector('cp-message-form .cp-notice')?.textContent)).toContain('Connectez-vous pour envoyer votre message.');
    await type('Quand le marché de Ganhi sera-t-il rénové ?');
    await submit();
    await harness.fixture.whenStable();
    expect(civic.ask).not.toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/connexion?retour=%2Fcommunes%2Fcotonou%2Fsessions%2Fs1');
    expect(localStorage.getItem('communes.draft.session-question.s1')).toBe('Quand le marché de Ganhi sera-t-il rénové ?');
  });

  it('shows an accountability session afterwards: its summary, minutes, deliberations and media', async () => {
    detail = session({
      kind: 'accountability',
      sessionType: null,
      title: 'Reddition de comptes 2026',
      status: 'ended',
      streamUrl: null,
      streamEmbedUrl: null,
      streamKind: null,
      summary: 'Le maire a présenté le bilan.',
      documents: [
        { documentId: 'd7', title: 'Procès-verbal de la reddition', category: 'proces_verbal_session', role: 'minutes', agendaPosition: null, state: 'published', publishedAt: '' },
        { documentId: 'd8', title: 'Photos de la séance', category: 'autre', role: 'media', agendaPosition: null, state: 'published', publishedAt: '' },
      ],
    } as Partial<SessionDetail>);
    await open();
    expect(plain(page().querySelector('#session-questions')?.textContent)).toBe(
      'Questions des citoyens, recueillies avant et pendant la séance',
    );
    expect(plain(page().textContent)).toContain('Le maire rend compte aux citoyens');
    expect(Array.from(page().querySelectorAll('h4'), (h) => plain(h.textContent))).toEqual(['Compte rendu', 'Procès-verbal', 'Photos et vidéos']);
    expect(page().querySelector('a[href="/communes/cotonou/documents/d7"]')).not.toBeNull();
    expect(plain(page().textContent)).toContain('Les questions sont fermées');
  });
});
