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
import { trackingRoutes } from '../participation.routes';
import { sentFeedback } from '../testing-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const communes = [
  { id: 'c1', slug: 'cotonou', name: 'Cotonou', department: 'Littoral', country: 'BJ', status: 'active', isPilot: true },
  { id: 'c2', slug: 'abomey-calavi', name: 'Abomey-Calavi', department: 'Atlantique', country: 'BJ', status: 'active', isPilot: true },
];

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'suivi', children: trackingRoutes }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
      { provide: CommunesApi, useValue: { list: () => of({ items: communes, total: 2 }), get: () => of(communes[0]) } },
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(false);
  jest.spyOn(session, 'status').mockReturnValue('anonymous');
  const harness = await RouterTestingHarness.create(url);
  await settle();
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

describe('TrackingPage', () => {
  it('finds the commune from the number and shows the progress with the public answer', async () => {
    const { harness, page, http } = await open('/suivi/cot-2026-000123');
    http.expectOne('/api/v1/communes/cotonou/feedback/by-number/COT-2026-000123').flush({
      ...sentFeedback,
      status: 'answered',
      firstResponseAt: '2026-03-03T10:00:00Z',
      answeredAt: '2026-03-03T10:00:00Z',
      answer: 'Une équipe de la voirie interviendra le 14 mars pour curer le caniveau.',
    });
    await settle();
    await harness.fixture.whenStable();

    expect(page.querySelector('#tracking-result .number')?.textContent).toBe('COT-2026-000123');
    const steps = [...page.querySelectorAll('.timeline li')];
    expect(steps.map((li) => li.querySelector('.step-name')?.textContent?.trim())).toEqual(['Reçu', 'En cours', 'Répondu', 'Résolu']);
    expect(steps[2].getAttribute('aria-current')).toBe('step');
    expect(steps[2].textContent).toContain('(étape en cours)');
    expect(page.querySelector('blockquote')?.textContent).toBe('Une équipe de la voirie interviendra le 14 mars pour curer le caniveau.');
    expect(page.textContent).toContain('Réponse du 3 mars 2026');
  });

  it('lets the author delete a photo after confirming, within the day; not afterwards', async () => {
    const photo = (id: string) => ({ id, url: `/api/v1/communes/cotonou/feedback/f1/photos/${id}`, thumbnailUrl: `/api/v1/communes/cotonou/feedback/f1/photos/${id}?size=small`, mediaType: 'image/jpeg', width: 10, height: 10 });
    const { harness, page, http } = await open('/suivi/COT-2026-000123?commune=cotonou');
    http.expectOne('/api/v1/communes/cotonou/feedback/by-number/COT-2026-000123').flush({ ...sentFeedback, createdAt: new Date().toISOString(), photos: [photo('p1'), photo('p2')] });
    await settle();
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('Vous pouvez supprimer une photo pendant 24 heures');
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    page.querySelector<HTMLButtonElement>('#photo-remove-p2')!.click();
    expect(confirm).toHaveBeenCalledWith('Supprimer la photo 2 ? Elle sera effacée pour de bon et la mairie ne la verra plus.');
    http.expectNone({ method: 'DELETE' });

    confirm.mockReturnValue(true);
    page.querySelector<HTMLButtonElement>('#photo-remove-p2')!.click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/v1/communes/cotonou/feedback/f1/photos/p2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('cp-feedback-photo-strip img')).toHaveLength(1);
    const message = page.querySelector('#tracking-photo-message')!;
    expect(message.getAttribute('role')).toBe('status');
    expect(message.textContent).toBe('Photo 2 supprimée.');
    expect(document.activeElement).toBe(message);

    // Refused by the API (the commune started handling it meanwhile): said plainly, the photo stays.
    page.querySelector<HTMLButtonElement>('#photo-remove-p1')!.click();
    await settle();
    http.expectOne({ method: 'DELETE' }).flush({ status: 409, code: 'feedback.photos-closed', detail: 'Too late' }, { status: 409, statusText: 'Conflict' });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('cp-feedback-photo-strip img')).toHaveLength(1);
    expect(page.querySelector('#tracking-photo-message')?.getAttribute('role')).toBe('alert');
    expect(page.querySelector('#tracking-photo-message')?.textContent).toContain('le délai de 24 heures est passé ou la mairie traite déjà votre demande');
    confirm.mockRestore();
  });

  it('offers no delete button past the day, nor to someone else', async () => {
    const photo = { id: 'p1', url: '/api/v1/communes/cotonou/feedback/f1/photos/p1', thumbnailUrl: '/api/v1/communes/cotonou/feedback/f1/photos/p1?size=small', mediaType: 'image/jpeg', width: 10, height: 10 };
    const { harness, page, http } = await open('/suivi/COT-2026-000123?commune=cotonou');
    http.expectOne('/api/v1/communes/cotonou/feedback/by-number/COT-2026-000123').flush({ ...sentFeedback, photos: [photo] });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('cp-feedback-photo-strip img')).toHaveLength(1);
    expect(page.querySelector('cp-feedback-photo-strip button')).toBeNull();
  });

  it('says when no public feedback has the number, and how to follow a private one', async () => {
    const { harness, page, http } = await open('/suivi/COT-2026-000999?commune=cotonou');
    http.expectOne('/api/v1/communes/cotonou/feedback/by-number/COT-2026-000999').flush({ status: 404, detail: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    await harness.fixture.whenStable();
    const alert = page.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Aucune demande publique ne porte le numéro COT-2026-000999.');
    expect(alert.textContent).toContain('Si votre demande est privée, connectez-vous');
  });

  it('explains the expected form of a mistyped number without calling the API', async () => {
    const { page, http } = await open('/suivi/12345');
    http.expectNone(() => true);
    const input = page.querySelector('#tracking-number')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('tracking-number-hint tracking-number-error');
    expect(page.querySelector('#tracking-number-error')?.textContent).toContain('par exemple COT-2026-000123');
  });
});
