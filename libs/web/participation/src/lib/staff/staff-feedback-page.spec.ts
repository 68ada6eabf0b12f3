import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession, type CurrentUser } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { sentFeedback } from '../testing-fixtures';
import { staffFeedbackRoutes } from '../participation.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const editor: CurrentUser = {
  id: 'u1',
  displayName: 'Awa',
  email: null,
  phone: null,
  platformRole: null,
  memberships: [{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'editor' }],
};

async function open(feedback: Record<string, unknown> = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/doleances', children: staffFeedbackRoutes }, { path: 'connexion', children: [] }, { path: 'acces-refuse', children: [] }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'memberships').mockReturnValue(editor.memberships);
  const harness = await RouterTestingHarness.create('/console/cotonou/doleances/f1');
  await settle();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/communes/cotonou/feedback/f1').flush({ ...sentFeedback, authorName: 'Koffi A.', ...feedback });
  http.expectOne('/api/v1/communes/cotonou/members').flush([{ userId: 'u1', displayName: 'Awa', email: null, phone: null, role: 'editor', joinedAt: '2026-01-01T00:00:00Z' }]);
  const page = harness.routeNativeElement as HTMLElement;
  // The loaded feedback renders once both requests have settled (several turns on a busy machine).
  for (let i = 0; i < 50 && !page.querySelector('h1'); i++) {
    await settle();
    await harness.fixture.whenStable();
  }
  return { harness, page, http };
}

describe('StaffFeedbackPage', () => {
  it('assigns to a member and refuses to decline without a public reason', async () => {
    const { harness, page, http } = await open();
    expect(page.querySelector('h1')?.textContent).toBe('COT-2026-000123');
    expect(page.textContent).toContain('De Koffi A.');

    const assignee = page.querySelector<HTMLSelectElement>('#staff-assignee')!;
    assignee.value = 'u1';
    page.querySelector<HTMLFormElement>('section[aria-labelledby="assign-title"] form')!.dispatchEvent(new Event('submit'));
    await settle();
    const assign = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback/f1/assign' });
    expect(assign.request.body).toEqual({ assigneeId: 'u1' });
    assign.flush({ ...sentFeedback, assigneeId: 'u1', assigneeName: 'Awa' });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('[role="status"]')?.textContent).toBe('Attribution enregistrée.');

    const status = page.querySelector<HTMLSelectElement>('#staff-status')!;
    expect([...status.options].map((o) => o.textContent)).toEqual(['En cours', 'Répondu', 'Résolu', 'Refusé']);
    status.value = 'declined';
    page.querySelector<HTMLFormElement>('section[aria-labelledby="status-title"] form')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Indiquez le motif du refus.');
    http.expectNone({ method: 'POST', url: '/api/v1/communes/cotonou/feedback/f1/status' });
  });

  it('shows the photos and, when the citizen shared it, the place on a map', async () => {
    const photos = [{ id: 'p1', url: '/api/v1/communes/cotonou/feedback/f1/photos/p1', thumbnailUrl: '/api/v1/communes/cotonou/feedback/f1/photos/p1?size=small', mediaType: 'image/jpeg', width: 10, height: 10 }];
    const { page } = await open({ photos, latitude: 6.370094, longitude: 2.425 });
    const image = page.querySelector('cp-feedback-photo-strip img');
    expect(image?.getAttribute('alt')).toBe('Photo 1 jointe à la demande COT-2026-000123');
    const map = [...page.querySelectorAll('a')].find((a) => a.textContent?.includes('carte'));
    expect(map?.getAttribute('href')).toBe('https://www.openstreetmap.org/?mlat=6.370094&mlon=2.425#map=18/6.370094/2.425');
  });
});
