import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { staffFeedbackRoutes } from '../participation.routes';
import { sentFeedback } from '../testing-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const QUEUE = '/api/v1/communes/cotonou/feedback';

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/doleances', children: staffFeedbackRoutes }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'editor' }]);
  const harness = await RouterTestingHarness.create(url);
  await settle();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/communes/cotonou/members').flush([{ userId: 'u1', displayName: 'Awa', email: null, phone: null, role: 'editor', joinedAt: '2026-01-01T00:00:00Z' }]);
  return { harness, http };
}

describe('StaffQueuePage', () => {
  it('filters the queue from the URL (status, topic, assignee) and keeps the filters there', async () => {
    const { harness, http } = await open('/console/cotonou/doleances?etat=received&agent=none');
    const first = http.expectOne((r) => r.url === QUEUE);
    expect(first.request.params.get('status')).toBe('received');
    expect(first.request.params.get('assignee')).toBe('none');
    first.flush({ items: [{ ...sentFeedback, visibility: 'private', authorName: 'Koffi A.' }], total: 1, page: 1, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('[role="status"]')?.textContent).toBe('1 demande(s)');
    expect(page.querySelector('.list a')?.textContent).toBe('COT-2026-000123');
    expect(page.querySelector('.list')?.textContent).toContain('Non attribuée');
    expect(page.querySelector<HTMLSelectElement>('#queue-status')?.value).toBe('received');

    const category = page.querySelector<HTMLSelectElement>('#queue-category')!;
    category.value = 'eau';
    category.dispatchEvent(new Event('change', { bubbles: true }));
    // Not whenStable(): the new request is a pending task until flushed.
    for (let i = 0; i < 20 && TestBed.inject(Router).url.indexOf('sujet') < 0; i++) await settle();
    harness.fixture.detectChanges();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/console/cotonou/doleances?etat=received&sujet=eau&agent=none');
    const second = http.expectOne((r) => r.url === QUEUE);
    expect(second.request.params.get('category')).toBe('eau');
    second.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('Aucune demande ne correspond à ces filtres.');
  });

  it('pages with links that keep the filters in the URL', async () => {
    const { harness, http } = await open('/console/cotonou/doleances?etat=received&page=2');
    const queue = http.expectOne((r) => r.url === QUEUE);
    expect(queue.request.params.get('page')).toBe('2');
    queue.flush({ items: [{ ...sentFeedback, visibility: 'private' }], total: 45, page: 2, pageSize: 20 });
    await settle();
    await harness.fixture.whenStable();
    const nav = (harness.routeNativeElement as HTMLElement).querySelector('nav')!;

    expect(nav.getAttribute('aria-label')).toBe('Pagination');
    expect(nav.querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Page 2 sur 3');
    expect(Array.from(nav.querySelectorAll('a'), (a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Précédent', '/console/cotonou/doleances?etat=received'],
      ['Suivant', '/console/cotonou/doleances?etat=received&page=3'],
    ]);
  });
});
