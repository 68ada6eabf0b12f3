import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MembershipRole } from '@communes/shared-contracts';
import type { DebateCommentResponse, DebateTopicResponse } from '@communes/web-api-client';
import { AuthSession } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import sessionsEn from '../i18n/sessions.en.json';
import sessionsFr from '../i18n/sessions.fr.json';
import { DebatePage } from './debate-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const BASE = '/api/v1/communes/cotonou/debates/t1';
const topic: DebateTopicResponse = {
  id: 't1',
  communeId: 'c1',
  title: 'Stationnement autour du marché Dantokpa',
  body: 'Quelles solutions proposez-vous ?',
  state: 'open',
  openedAt: '2026-03-01T08:00:00Z',
  closedAt: null,
  createdAt: '2026-03-01T08:00:00Z',
  commentCount: 1,
};
const comment: DebateCommentResponse = {
  id: 'k1',
  communeId: 'c1',
  topicId: 't1',
  parentId: null,
  authorId: 'u1',
  authorName: 'Kofi',
  body: 'Un parking relais à Akpakpa.',
  isOfficial: false,
  hidden: false,
  hiddenReason: null,
  hiddenAt: null,
  createdAt: '2026-03-02T08:00:00Z',
  agreeCount: 3,
  disagreeCount: 1,
  myReaction: null,
};

async function openAs(role: MembershipRole) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/debats/:id', component: DebatePage }]),
      provideCommunesI18nTesting({ console: { fr: { ...fr, ...sessionsFr }, en: { ...en, ...sessionsEn } } }),
    ],
  });
  jest.spyOn(TestBed.inject(AuthSession), 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role }]);
  return RouterTestingHarness.create('/console/cotonou/debats/t1');
}

describe('DebatePage', () => {
  it('an editor answers officially but does not moderate; a moderator hides but does not answer', async () => {
    const harness = await openAs('editor');
    const http = TestBed.inject(HttpTestingController);
    await settle();
    http.expectOne(BASE).flush(topic);
    http.expectOne(`${BASE}/comments`).flush([comment]);
    await settle();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const labels = () => [...page.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
    expect(page.querySelector('#official-answer')).not.toBeNull();
    expect(labels().some((l) => l.startsWith('Masquer'))).toBe(false);
    TestBed.resetTestingModule();

    const asModerator = await openAs('moderator');
    const http2 = TestBed.inject(HttpTestingController);
    await settle();
    http2.expectOne(BASE).flush(topic);
    http2.expectOne(`${BASE}/comments`).flush([comment]);
    await settle();
    await asModerator.fixture.whenStable();
    const page2 = asModerator.routeNativeElement as HTMLElement;
    expect(page2.querySelector('#official-answer')).toBeNull();
    expect([...page2.querySelectorAll('button')].some((b) => b.textContent?.trim().startsWith('Masquer'))).toBe(true);
    expect([...page2.querySelectorAll('button')].some((b) => b.textContent?.trim().startsWith('Répondre'))).toBe(false);
  });

  it('replies officially to a comment, then hides it with a reason (admin)', async () => {
    const harness = await openAs('admin');
    const http = TestBed.inject(HttpTestingController);
    const render = async () => {
      await settle();
      await harness.fixture.whenStable();
    };
    await settle();
    http.expectOne(BASE).flush(topic);
    http.expectOne(`${BASE}/comments`).flush([comment]);
    await render();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe(topic.title);
    expect(page.textContent).toContain("3 d'accord, 1 pas d'accord");

    const buttons = () => [...page.querySelectorAll('button')];
    buttons().find((b) => b.textContent?.trim().startsWith('Répondre'))!.click();
    await render();
    expect(page.querySelector('#answer-title')?.textContent).toContain('Répondre à Kofi');
    const answer = page.querySelector<HTMLTextAreaElement>('#official-answer')!;
    answer.value = 'La mairie étudie cette piste.';
    answer.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const post = http.expectOne({ method: 'POST', url: `${BASE}/comments` });
    expect(post.request.body).toEqual({ body: 'La mairie étudie cette piste.', parentId: 'k1' });
    post.flush({ ...comment, id: 'k2', parentId: 'k1', isOfficial: true, authorName: 'Mairie' });
    await settle();
    TestBed.tick();
    http.expectOne(`${BASE}/comments`).flush([comment, { ...comment, id: 'k2', parentId: 'k1', isOfficial: true, authorName: 'Mairie', body: 'La mairie étudie cette piste.' }]);
    http.expectOne(BASE).flush(topic);
    await render();
    expect(page.querySelector('.reply .official')?.textContent).toContain('La mairie étudie cette piste.');

    buttons().find((b) => b.textContent?.trim().startsWith('Masquer'))!.click();
    await render();
    const reason = page.querySelector<HTMLInputElement>('#reason-k1')!;
    reason.value = 'Propos hors sujet';
    reason.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const hide = http.expectOne({ method: 'POST', url: `${BASE}/comments/k1/hide` });
    expect(hide.request.body).toEqual({ reason: 'Propos hors sujet' });
    hide.flush({ ...comment, hidden: true, hiddenReason: 'Propos hors sujet' });
    await settle();
    TestBed.tick();
    http.expectOne(`${BASE}/comments`).flush([{ ...comment, hidden: true, hiddenReason: 'Propos hors sujet' }]);
    http.expectOne(BASE).flush({ ...topic, commentCount: 0 });
    await render();
    expect(page.textContent).toContain('Commentaire masqué.');
    expect(buttons().some((b) => b.textContent?.trim().startsWith('Rétablir'))).toBe(true);
  });
});
