import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { reviewRoutes } from '../good-practices.routes';
import { answer, practice, settle } from '../testing-fixtures';

const submitted = { ...practice, status: 'submitted' as const, reviews: [...practice.reviews, { id: 'r3', action: 'submitted' as const, comment: 'Montant ajouté.', createdAt: '2026-03-04T09:00:00Z' }] };

async function open() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'ancb/bonnes-pratiques', children: reviewRoutes }, { path: 'connexion', children: [] }, { path: 'acces-refuse', children: [] }]),
      provideCommunesI18nTesting({ practices: { fr, en } }),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'platformRole').mockReturnValue('platform_admin');
  const harness = await RouterTestingHarness.create('/ancb/bonnes-pratiques/cotonou/p1');
  await settle();
  const http = TestBed.inject(HttpTestingController);
  await answer(harness, http, '/api/v1/communes/cotonou/good-practices/p1', submitted);
  const page = harness.routeNativeElement as HTMLElement;
  for (let i = 0; i < 50 && !page.querySelector('h1'); i++) {
    await settle();
    await harness.fixture.whenStable();
  }
  return { harness, page, http };
}

const button = (page: HTMLElement, label: string) => [...page.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent?.trim() === label)!;

describe('ReviewPage', () => {
  it('refuses to reject without a reason, then rejects with it', async () => {
    const { harness, page, http } = await open();
    expect(page.querySelector('h1')?.textContent).toBe(practice.title);
    expect(page.querySelector('blockquote')?.textContent).toBe('Montant ajouté.');
    expect([...page.querySelectorAll('.actions button')].map((b) => b.textContent?.trim())).toEqual(['Publier', 'Demander des modifications', 'Refuser']);

    button(page, 'Refuser').click();
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Écrivez à la commune');
    http.expectNone({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices/p1/reject' });

    page.querySelector<HTMLTextAreaElement>('#review-comment')!.value = 'Pratique déjà publiée par une autre commune.';
    button(page, 'Refuser').click();
    await settle();
    const reject = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices/p1/reject' });
    expect(reject.request.body).toEqual({ comment: 'Pratique déjà publiée par une autre commune.' });
    reject.flush({ ...submitted, status: 'rejected', reviews: [...submitted.reviews, { id: 'r4', action: 'rejected', comment: 'Pratique déjà publiée par une autre commune.', createdAt: '2026-03-04T09:00:00Z' }] });
    for (let i = 0; i < 20 && !page.querySelector('[role="status"]')?.textContent; i++) {
      await settle();
      await harness.fixture.whenStable();
    }
    expect(page.querySelector('[role="status"]')?.textContent).toBe('Bonne pratique refusée.');
    expect(page.querySelector('.actions')).toBeNull();
    expect(page.querySelector('.badge')?.textContent).toBe('Refusée');
  });

  it('publishes without a comment', async () => {
    const { page, http } = await open();
    button(page, 'Publier').click();
    await settle();
    const publish = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices/p1/publish' });
    expect(publish.request.body).toEqual({});
  });
});
