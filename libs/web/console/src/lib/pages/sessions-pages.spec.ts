import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MembershipRole } from '@communes/shared-contracts';
import type { CouncilSessionDetailResponse, SessionQuestionResponse } from '@communes/web-api-client';
import { AuthSession } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import sessionsEn from '../i18n/sessions.en.json';
import sessionsFr from '../i18n/sessions.fr.json';
import { filterQuestions, SessionControlPage } from './session-control-page';
import { SessionsPage } from './sessions-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const BASE = '/api/v1/communes/cotonou/council-sessions';

const question = (id: string, extra: Partial<SessionQuestionResponse> = {}): SessionQuestionResponse => ({
  id,
  sessionId: 's1',
  text: `Question ${id} sur le marché de Dantokpa ?`,
  answer: null,
  answeredAt: null,
  answered: false,
  hidden: false,
  hiddenReason: null,
  hiddenAt: null,
  createdAt: '2026-03-12T08:05:00Z',
  authorId: 'u1',
  authorName: 'Afi Houngbo',
  isMine: false,
  ...extra,
});

const session: CouncilSessionDetailResponse = {
  id: 's1',
  communeId: 'c1',
  kind: 'council',
  sessionType: 'ordinary',
  title: 'Première session ordinaire 2026',
  description: null,
  place: 'Hôtel de ville',
  startsAt: '2026-03-12T08:00:00Z',
  endsAt: null,
  streamUrl: null,
  streamEmbedUrl: null,
  streamKind: null,
  status: 'scheduled',
  publishedAt: '2026-03-01T08:00:00Z',
  liveAt: null,
  endedAt: null,
  cancelledAt: null,
  cancellationReason: null,
  summary: null,
  createdAt: '2026-03-01T08:00:00Z',
  updatedAt: '2026-03-01T08:00:00Z',
  questionCount: 2,
  agenda: [],
  documents: [],
  questions: [question('q1'), question('q2', { answered: true, answer: 'Oui' })],
  lastEventId: '0',
  events: null,
};

async function open(url: string, role: MembershipRole = 'editor') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug', children: [{ path: 'seances', component: SessionsPage }, { path: 'seances/:id', component: SessionControlPage }] }]),
      provideCommunesI18nTesting({ console: { fr: { ...fr, ...sessionsFr }, en: { ...en, ...sessionsEn } } }),
    ],
  });
  jest.spyOn(TestBed.inject(AuthSession), 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role }]);
  const harness = await RouterTestingHarness.create(url);
  await settle();
  const render = async () => {
    await settle();
    await harness.fixture.whenStable();
  };
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController), render };
}

function type(page: HTMLElement, selector: string, value: string): void {
  const input = page.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function button(page: HTMLElement, text: string): HTMLButtonElement {
  const found = [...page.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('SessionsPage', () => {
  it('checks the form, sends the session with its agenda in Benin time, and shows the API message beside the stream link', async () => {
    const { harness, page, http, render } = await open('/console/cotonou/seances');
    http.expectOne(`${BASE}?period=upcoming`).flush([]);
    http.expectOne(`${BASE}?period=past`).flush([]);
    await render();
    expect(page.textContent).toContain('Aucune séance à venir.');

    button(page, 'Programmer une séance').click();
    await settle();
    harness.fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/communes/cotonou/documents').flush([
      { id: 'd1', title: 'Projet de budget primitif 2026', state: 'published' },
      { id: 'd2', title: 'Brouillon', state: 'draft' },
    ]);
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await render();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("Indiquez l'intitulé de la séance.");
    expect(page.querySelector('#session-title')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone({ method: 'POST', url: BASE });

    type(page, '#session-title', ' Première session ordinaire 2026 ');
    type(page, '#session-start', '2026-03-12T09:00');
    type(page, '#session-stream', 'https://www.youtube.com/channel/x');
    button(page, "Ajouter un point à l'ordre du jour").click();
    await render();
    type(page, '#item-title-0', 'Vote du budget primitif');
    await render();
    const select = page.querySelector<HTMLSelectElement>('#item-doc-0')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Projet de budget primitif 2026']);
    button(page, 'Joindre').click();
    page.querySelector<HTMLInputElement>('input[name="publish"]')!.click();
    await render();
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await render();

    const post = http.expectOne({ method: 'POST', url: BASE });
    expect(post.request.body).toEqual({
      title: 'Première session ordinaire 2026',
      sessionType: 'ordinary',
      startsAt: '2026-03-12T09:00:00+01:00',
      streamUrl: 'https://www.youtube.com/channel/x',
      agenda: [{ title: 'Vote du budget primitif', documentIds: ['d1'] }],
      kind: 'council',
      publish: true,
    });
    const message = 'streamUrl: this YouTube link does not name a video (use the link of the video or live stream)';
    post.flush(
      { type: 'about:blank', title: 'Bad Request', status: 400, detail: `The request is not valid: ${message}.`, code: 'validation.failed', errors: [{ field: 'streamUrl', messages: [message] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(page.querySelector('#session-stream-error')?.textContent).toBe(message);
    expect(page.querySelector('#session-stream')?.getAttribute('aria-describedby')).toContain('session-stream-error');
  });
});

describe('SessionControlPage', () => {
  it('goes live, follows questions by polling when EventSource is missing, and hides a question with a reason', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { page, http, render } = await open('/console/cotonou/seances/s1');
      http.expectOne(`${BASE}/s1`).flush(session);
      http.expectOne('/api/v1/communes/cotonou/documents').flush([]);
      await render();
      expect(page.querySelector('h1')?.textContent).toBe('Première session ordinaire 2026');
      expect(page.textContent).toContain('Questions actualisées toutes les 10 secondes.');
      expect(page.querySelectorAll('.questions > li')).toHaveLength(1);

      button(page, 'Démarrer la séance').click();
      await render();
      const live = http.expectOne({ method: 'POST', url: `${BASE}/s1/status` });
      expect(live.request.body).toEqual({ status: 'live' });
      live.flush({ ...session, status: 'live' });
      await render();
      expect(page.querySelector('#session-status')?.textContent).toBe('En direct');
      expect(page.textContent).toContain('Clore la séance');

      // A citizen asks: the next poll brings it.
      jest.advanceTimersByTime(10_000);
      await settle();
      http.expectOne(`${BASE}/s1`).flush({ ...session, status: 'live', questions: [...session.questions, question('q3')] });
      await render();
      expect(page.querySelectorAll('.questions > li')).toHaveLength(2);
      expect(page.textContent).toContain('1 nouvelle(s) question(s).');

      button(page, 'Masquer').click();
      await render();
      type(page, '#hide-q1', 'Propos injurieux');
      page.querySelector('#hide-q1')!.closest('form')!.dispatchEvent(new Event('submit'));
      await render();
      const hide = http.expectOne({ method: 'POST', url: `${BASE}/s1/questions/q1/hide` });
      expect(hide.request.body).toEqual({ reason: 'Propos injurieux' });
      hide.flush(question('q1', { hidden: true, hiddenReason: 'Propos injurieux' }));
      await settle();
      await settle();
      http.expectOne(`${BASE}/s1`).flush({ ...session, status: 'live', questions: [question('q1', { hidden: true, hiddenReason: 'Propos injurieux' }), question('q3')] });
      await render();
      expect(page.textContent).toContain('Question masquée.');
      expect(page.querySelectorAll('.questions > li')).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('after the session, offers the minutes and the summary', async () => {
    const { page, http, render } = await open('/console/cotonou/seances/s1');
    http.expectOne(`${BASE}/s1`).flush({ ...session, status: 'ended' });
    http.expectOne('/api/v1/communes/cotonou/documents').flush([{ id: 'pv', title: 'PV de la session', state: 'published' }]);
    await render();
    expect([...page.querySelectorAll<HTMLOptionElement>('#link-role option')].map((o) => o.value)).toEqual(['minutes', 'deliberation', 'media']);
    page.querySelector('#link-role')!.closest('form')!.dispatchEvent(new Event('submit'));
    await render();
    const link = http.expectOne({ method: 'POST', url: `${BASE}/s1/documents` });
    expect(link.request.body).toEqual({ role: 'minutes', documentId: 'pv' });
    link.flush({ ...session, status: 'ended', documents: [{ documentId: 'pv', role: 'minutes', agendaPosition: null, title: 'PV de la session', category: 'proces_verbal_session', state: 'published', publishedAt: null }] });
    await render();
    expect(page.querySelector('.attached')?.textContent).toContain('PV de la session');

    type(page, '#session-summary', 'Le budget primitif 2026 a été adopté.');
    page.querySelector('#session-summary')!.closest('form')!.dispatchEvent(new Event('submit'));
    await render();
    const summary = http.expectOne({ method: 'PUT', url: `${BASE}/s1/summary` });
    expect(summary.request.body).toEqual({ summary: 'Le budget primitif 2026 a été adopté.' });
  });

  it('offers a moderator the questions to hide, not the control room, answers or documents', async () => {
    const { page, http, render } = await open('/console/cotonou/seances/s1', 'moderator');
    http.expectOne(`${BASE}/s1`).flush({ ...session, status: 'ended' });
    http.expectOne('/api/v1/communes/cotonou/documents').flush([{ id: 'pv', title: 'PV', state: 'published' }]);
    await render();
    const labels = [...page.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
    expect(labels.some((l) => l.startsWith('Masquer'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Répondre') || l.startsWith('Démarrer') || l.startsWith('Joindre'))).toBe(false);
    expect(page.querySelector('#control-title')).toBeNull();
    expect(page.querySelector('#session-summary')).toBeNull();
  });

  it('filters questions: pending, answered, hidden', () => {
    const list = [question('a'), question('b', { answered: true }), question('c', { hidden: true, answered: true })];
    expect(filterQuestions(list, 'pending').map((q) => q.id)).toEqual(['a']);
    expect(filterQuestions(list, 'answered').map((q) => q.id)).toEqual(['b']);
    expect(filterQuestions(list, 'hidden').map((q) => q.id)).toEqual(['c']);
    expect(filterQuestions(list, 'all')).toHaveLength(3);
  });
});
