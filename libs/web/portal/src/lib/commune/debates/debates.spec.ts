import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession, type SessionStatus } from '@communes/web-auth';
import { ApiError, CommunesApi, type CommunePage, TransparencyApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import portalEn from '../../i18n/en.json';
import portalFr from '../../i18n/fr.json';
import { CivicApi, type DebateComment, type DebateTopic } from '../civic/civic-api';
import civicEn from '../civic/i18n/en.json';
import civicFr from '../civic/i18n/fr.json';
import { communeRoutes } from '../commune.routes';
import { buildThread } from './debate-page';

const commune = { id: 'c1', slug: 'cotonou', name: 'Cotonou', department: 'Littoral', status: 'active', checklist: [], branding: null } as unknown as CommunePage;

function topic(id: string, state: DebateTopic['state'], title: string): DebateTopic {
  return {
    id,
    communeId: 'c1',
    title,
    body: 'La commune veut réorganiser le stationnement.\nDonnez votre avis.',
    state,
    openedAt: '2026-11-01T08:00:00Z',
    closedAt: state === 'closed' ? '2026-11-15T08:00:00Z' : null,
    createdAt: '2026-11-01T08:00:00Z',
    commentCount: 3,
  };
}

function comment(id: string, body: string | null, extra: Partial<DebateComment> = {}): DebateComment {
  return {
    id,
    communeId: 'c1',
    topicId: 't1',
    parentId: null,
    authorId: null,
    authorName: 'Afi',
    body,
    isOfficial: false,
    hidden: false,
    hiddenReason: null,
    hiddenAt: null,
    createdAt: '2026-11-02T08:00:00Z',
    agreeCount: 2,
    disagreeCount: 0,
    myReaction: null,
    ...extra,
  };
}

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

describe('debates', () => {
  let civic: Record<'debates' | 'debate' | 'comments' | 'comment' | 'react', jest.Mock>;
  let status: ReturnType<typeof signal<SessionStatus>>;
  let harness: RouterTestingHarness;
  const page = () => harness.routeNativeElement as HTMLElement;

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    status = signal<SessionStatus>('signed-in');
    civic = {
      debates: jest.fn(() => Promise.resolve([topic('t1', 'open', 'Stationnement à Dantokpa'), topic('t2', 'closed', 'Horaires du marché')])),
      debate: jest.fn(() => Promise.resolve(topic('t1', 'open', 'Stationnement à Dantokpa'))),
      comments: jest.fn(() =>
        Promise.resolve([
          comment('a', 'Il faut un parking payant.'),
          comment('b', null, { hidden: true, authorName: null }),
          comment('c', 'Un parking est prévu rue 12.', { parentId: 'a', isOfficial: true, authorName: 'Mairie de Cotonou' }),
        ]),
      ),
      comment: jest.fn(),
      react: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'communes/:slug', children: communeRoutes }]),
        provideCommunesI18nTesting({ portal: { fr: portalFr, en: portalEn }, civic: { fr: civicFr, en: civicEn } }),
        { provide: CommunesApi, useValue: { get: () => of(commune) } },
        { provide: TransparencyApi, useValue: {} },
        { provide: CivicApi, useValue: civic },
        {
          provide: AuthSession,
          useValue: { status, user: () => (status() === 'signed-in' ? { id: 'u-koffi' } : null), signedIn: () => status() === 'signed-in', whenReady: () => Promise.resolve() },
        },
      ],
    });
  });

  it('lists open debates, then closed ones, from the commune page tab', async () => {
    await open('/communes/cotonou/debats');
    expect(page().querySelector('nav.tabs a[aria-current="page"]')?.textContent?.trim()).toBe('Débats');
    const sections = Array.from(page().querySelectorAll('section'), (s) => plain(s.textContent));
    expect(sections[0]).toContain('Stationnement à Dantokpa');
    expect(sections[0]).toContain('Ouvert · Ouvert le 1 novembre 2026 · 3 commentaires');
    expect(sections[1]).toContain('Horaires du marché');
    expect(sections[1]).toContain('Clos · Clos le 15 novembre 2026');
    expect(page().querySelector('a[href="/communes/cotonou/debats/t1"]')).not.toBeNull();
  });

  it('shows the topic and its threads: the official answer marked, a hidden comment left as hidden', async () => {
    await open('/communes/cotonou/debats/t1');
    expect(page().querySelector('h2')?.textContent).toBe('Stationnement à Dantokpa');
    const top = Array.from(page().querySelectorAll('.thread > li'));
    expect(top).toHaveLength(3);
    const official = page().querySelector('.comment--official');
    expect(plain(official?.querySelector('.official')?.textContent)).toBe('✓ Réponse officielle de la commune');
    expect(plain(official?.textContent)).toContain('Mairie de Cotonou');
    // The official answer replies to the first comment: it sits in the first comment's thread.
    expect(top[0].querySelector('.thread .comment--official')).toBe(official);
    expect(plain(page().querySelector('.comment--hidden')?.textContent)).toContain('Commentaire masqué par la modération.');
    expect(page().querySelector('.comment--hidden .actions')).toBeNull();
    // Citizens' comments can be reported; the commune's official answer cannot.
    expect(page().querySelectorAll('.comment:not(.comment--official) cp-report-button')).toHaveLength(1);
    expect(official?.querySelector('cp-report-button')).toBeNull();
  });

  it('reacts (the button says it is pressed), and asks a signed-out citizen to sign in first', async () => {
    await open('/communes/cotonou/debats/t1');
    civic.react.mockResolvedValueOnce(comment('a', 'Il faut un parking payant.', { agreeCount: 3, myReaction: 'agree' }));
    const agree = () => page().querySelector<HTMLButtonElement>('.comment .actions button');
    agree()?.click();
    await harness.fixture.whenStable();
    expect(civic.react).toHaveBeenCalledWith('cotonou', 't1', 'a', 'agree');
    expect(plain(agree()?.textContent)).toBe("D'accord (3)");
    expect(agree()?.getAttribute('aria-pressed')).toBe('true');

    // Pressed again: the reaction is taken back.
    civic.react.mockResolvedValueOnce(comment('a', 'Il faut un parking payant.', { agreeCount: 2, myReaction: null }));
    agree()?.click();
    await harness.fixture.whenStable();
    expect(civic.react).toHaveBeenLastCalledWith('cotonou', 't1', 'a', null);

    status.set('anonymous');
    agree()?.click();
    await harness.fixture.whenStable();
    expect(civic.react).toHaveBeenCalledTimes(2);
    expect(plain(page().querySelector('.notice-inline')?.textContent)).toBe('Connectez-vous pour réagir. Se connecter');
  });

  it('replies under a comment; a refused comment (429) keeps its text and says when to try again', async () => {
    await open('/communes/cotonou/debats/t1');
    const replyButton = Array.from(page().querySelectorAll<HTMLButtonElement>('.actions button')).find((b) => b.textContent?.includes('Répondre'));
    replyButton?.click();
    await harness.fixture.whenStable();
    expect(replyButton?.getAttribute('aria-expanded')).toBe('true');
    const area = page().querySelector<HTMLTextAreaElement>('#reply-form-a-text');
    if (!area) throw new Error('no reply form');
    area.value = 'Et pour les motos ?';
    area.dispatchEvent(new Event('input'));
    civic.comment.mockRejectedValueOnce(
      new ApiError(429, 'Too many', 'rate-limited', null, {
        cause: new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '30' }) }),
      }),
    );
    area.closest('form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(plain(page().querySelector('#reply-form-a-failure p')?.textContent)).toBe(
      'Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans 1 min.',
    );
    expect(area.value).toBe('Et pour les motos ?');

    civic.comment.mockResolvedValueOnce(comment('d', 'Et pour les motos ?', { parentId: 'a', authorName: 'Koffi' }));
    area.closest('form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(civic.comment).toHaveBeenLastCalledWith('cotonou', 't1', 'Et pour les motos ?', 'a');
    expect(page().querySelector('#reply-form-a-text')).toBeNull();
    const firstThread = page().querySelector('.thread > li');
    expect(plain(firstThread?.querySelector('.thread')?.textContent)).toContain('Koffi');
  });

  it('opens a debate from its search result address (/debates/:id)', async () => {
    await open('/communes/cotonou/debates/t1');
    expect(TestBed.inject(Router).url).toBe('/communes/cotonou/debats/t1');
    expect(page().querySelector('h2')?.textContent).toBe('Stationnement à Dantokpa');
  });

  it('does not take comments on a closed debate', async () => {
    civic.debate.mockResolvedValueOnce(topic('t2', 'closed', 'Horaires du marché'));
    civic.comments.mockResolvedValueOnce([]);
    await open('/communes/cotonou/debats/t2');
    expect(page().querySelector('textarea')).toBeNull();
    expect(plain(page().textContent)).toContain('Ce débat est clos');
    expect(plain(page().textContent)).toContain('Aucun commentaire pour le moment.');
  });
});

describe('buildThread', () => {
  it('puts each reply under its parent, and a reply whose parent is missing at the top', () => {
    const tree = buildThread([
      comment('a', 'A'),
      comment('b', 'B', { parentId: 'a' }),
      comment('c', 'C', { parentId: 'b' }),
      comment('d', 'D', { parentId: 'zzz' }),
    ]);
    expect(tree.map((n) => [n.comment.id, n.replies.map((r) => [r.comment.id, r.replies.map((x) => x.comment.id)])])).toEqual([
      ['a', [['b', ['c']]]],
      ['d', []],
    ]);
  });
});
