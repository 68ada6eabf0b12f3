import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import type { ModerationItemResponse } from '@communes/web-api-client';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { moderationRoutes } from '../participation.routes';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const QUEUE = '/api/v1/communes/cotonou/moderation/queue';
const ID = '6f1c2c1e-4c4a-4a3b-9a55-1d2d3e4f5a6b';

const reported: ModerationItemResponse = {
  kind: 'feedback',
  contentId: ID,
  exists: true,
  excerpt: 'Les commerçants du marché Zongo sont des voleurs.',
  authorName: 'Koffi A.',
  link: '/suivi/COT-2026-000123?commune=cotonou',
  createdAt: '2026-11-20T09:00:00Z',
  hidden: false,
  hiddenReason: null,
  hiddenAt: null,
  reportCount: 2,
  openReportCount: 2,
  reasons: ['abuse', 'off_topic'],
  details: ['Insulte les commerçants.'],
  firstReportedAt: '2026-11-21T09:00:00Z',
  lastReportedAt: '2026-11-22T09:00:00Z',
  handledAt: null,
};

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/moderation', children: moderationRoutes }]),
      provideCommunesI18nTesting({ moderation: { fr, en } }),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'moderator' }]);
  // Not create(url): it waits for the page to be stable, which the pending queue request prevents.
  const harness = await RouterTestingHarness.create();
  void harness.navigateByUrl(url);
  const http = TestBed.inject(HttpTestingController);
  for (let i = 0; i < 50 && http.match(() => false).length === 0 && !TestBed.inject(Router).navigated; i++) await settle();
  for (let i = 0; i < 10; i++) await settle();
  return { harness, http, page: () => harness.routeNativeElement as HTMLElement };
}

describe('ModerationQueuePage', () => {
  it('lists reported contents with their reports, hides one with a reason (required) and says so', async () => {
    const { harness, http, page } = await open('/console/cotonou/moderation');
    const first = http.expectOne((r) => r.url === QUEUE);
    expect(first.request.params.get('state')).toBe('open');
    first.flush({ items: [reported], total: 1, page: 1, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();

    expect(page().querySelector('h1')?.textContent).toBe('Modération');
    expect(page().querySelector('[role="status"]')?.textContent).toBe('1 contenu(s)');
    const card = page().querySelector('.list li')!;
    expect(card.textContent).toContain('Doléance ou suggestion');
    expect(card.textContent).toContain('Visible');
    expect(card.textContent).toContain('marché Zongo');
    expect(card.textContent).toContain('Par Koffi A.');
    expect(card.textContent).toContain('2 signalement(s), dont 2 à traiter');
    expect(card.textContent).toContain('Raisons : Insulte, menace ou propos haineux, Hors sujet');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/suivi/COT-2026-000123?commune=cotonou');
    const buttons = () => [...card.querySelectorAll<HTMLButtonElement>('.decision button')];
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Masquer', 'Classer sans suite']);

    // No reason: said beside the field, nothing sent.
    buttons()[0].click();
    await harness.fixture.whenStable();
    const field = card.querySelector('textarea')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(card.querySelector('.field-error')?.textContent).toBe('Donnez la raison, en 3 caractères au moins.');
    expect(field.getAttribute('aria-describedby')).toContain(card.querySelector('.field-error')!.id);
    http.expectNone(`/api/v1/communes/cotonou/moderation/feedback/${ID}/hide`);

    field.value = 'Propos injurieux envers des commerçants';
    buttons()[0].click();
    const hide = http.expectOne(`/api/v1/communes/cotonou/moderation/feedback/${ID}/hide`);
    expect(hide.request.body).toEqual({ reason: 'Propos injurieux envers des commerçants' });
    hide.flush({ ...reported, hidden: true, hiddenReason: 'Propos injurieux envers des commerçants', openReportCount: 0 });
    await settle();
    await harness.fixture.whenStable();
    expect(page().querySelector('[aria-live="polite"]')?.textContent).toBe('Contenu masqué. Son auteur est prévenu.');
    expect(card.textContent).toContain('Masqué : Propos injurieux envers des commerçants');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Rétablir']);
    http.verify();
  });

  it('filters by state and kind through the address', async () => {
    const { harness, http, page } = await open('/console/cotonou/moderation?etat=hidden');
    const first = http.expectOne((r) => r.url === QUEUE);
    expect(first.request.params.get('state')).toBe('hidden');
    first.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();
    expect(page().textContent).toContain('Rien à afficher ici.');
    expect(page().querySelector<HTMLSelectElement>('#moderation-state')?.value).toBe('hidden');

    const kind = page().querySelector<HTMLSelectElement>('#moderation-kind')!;
    kind.value = 'debate_comment';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 20 && TestBed.inject(Router).url.indexOf('type') < 0; i++) await settle();
    expect(TestBed.inject(Router).url).toBe('/console/cotonou/moderation?etat=hidden&type=debate_comment');
    const second = http.expectOne((r) => r.url === QUEUE);
    expect(second.request.params.get('kind')).toBe('debate_comment');
    second.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
