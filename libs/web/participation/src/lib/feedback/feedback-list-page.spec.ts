import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import { CommunesApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { feedbackRoutes } from '../participation.routes';
import { sentFeedback } from '../testing-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const others = { ...sentFeedback, id: 'f2', trackingNumber: 'COT-2026-000124', isMine: false, supportCount: 3 };

async function open(signedIn: boolean, total = 2) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'communes/:slug/doleances', children: feedbackRoutes }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
      { provide: CommunesApi, useValue: { get: () => of({ slug: 'cotonou', name: 'Cotonou' }) } },
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(signedIn);
  jest.spyOn(session, 'status').mockReturnValue(signedIn ? 'signed-in' : 'anonymous');
  const harness = await RouterTestingHarness.create('/communes/cotonou/doleances');
  await settle();
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne((r) => r.url === '/api/v1/communes/cotonou/feedback' && !r.params.has('mine'))
    .flush({ items: [others, { ...others, id: 'f3', visibility: 'private' }], total, page: 1, pageSize: 20 });
  if (signedIn) {
    http
      .expectOne((r) => r.url === '/api/v1/communes/cotonou/feedback' && r.params.get('mine') === 'true')
      .flush({ items: [{ ...sentFeedback, visibility: 'private', status: 'in_progress' }], total: 1, page: 1, pageSize: 10 });
  }
  await settle();
  await harness.fixture.whenStable();
  return { harness, page: harness.routeNativeElement as HTMLElement, http };
}

describe('FeedbackListPage', () => {
  it('lists public feedback only and invites signed-out visitors to sign in to support', async () => {
    const { page } = await open(false);
    expect(page.querySelectorAll('.list > li')).toHaveLength(1);
    expect(page.textContent).toContain('Soutiens : 3');
    expect(page.textContent).toContain('Connectez-vous pour soutenir');
    expect(page.querySelector('button[aria-pressed]')).toBeNull();
    expect(page.textContent).not.toContain('Mes demandes');
  });

  it("lists the signed-in citizen's own requests, private ones too, with their status and a link to follow them", async () => {
    const { page } = await open(true);
    const mine = page.querySelector('section[aria-labelledby="mine-title"]')!;
    expect(mine.querySelector('h2')?.textContent).toBe('Mes demandes');
    expect(mine.querySelector('a')?.getAttribute('href')).toBe('/suivi/COT-2026-000123?commune=cotonou');
    expect(mine.textContent).toContain('En cours');
    expect(mine.textContent).toContain('Privée');
  });

  it('supports once, updates the count in place and says so in a live region', async () => {
    const { harness, page, http } = await open(true);
    const button = page.querySelector<HTMLButtonElement>('button[aria-pressed="false"]')!;
    expect(button.getAttribute('aria-label')).toBe('Soutenir la demande COT-2026-000124');
    button.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback/f2/support' }).flush({ ...others, supportCount: 4, supportedByMe: true });
    await settle();
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('Soutiens : 4');
    expect(page.querySelector('button[aria-pressed="true"]')?.textContent?.trim()).toBe('Vous soutenez');
    expect(page.querySelector('[aria-live="polite"]')?.textContent).toBe('Merci, votre soutien à COT-2026-000124 est compté (4 au total).');
  });

  it('moves to the next page of public feedback with the pager', async () => {
    const { harness, page, http } = await open(false, 45);
    const nav = () => page.querySelector('nav')!;
    expect(nav().getAttribute('aria-label')).toBe('Pagination');
    expect(Array.from(nav().querySelectorAll('button'), (b) => b.textContent?.trim())).toEqual(['Suivant']);

    nav().querySelector('button')!.click();
    await settle();
    const next = http.expectOne((r) => r.url === '/api/v1/communes/cotonou/feedback' && r.params.get('page') === '2');
    next.flush({ items: [others], total: 45, page: 2, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();
    expect(nav().querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Page 2 sur 3');
    expect(Array.from(nav().querySelectorAll('button'), (b) => b.textContent?.trim())).toEqual(['Précédent', 'Suivant']);
  });
});
