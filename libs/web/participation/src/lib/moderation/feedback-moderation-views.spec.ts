import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import { CommunesApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import participationEn from '../i18n/en.json';
import participationFr from '../i18n/fr.json';
import { feedbackRoutes, staffFeedbackRoutes, trackingRoutes } from '../participation.routes';
import { sentFeedback } from '../testing-fixtures';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const commune = { id: 'c1', slug: 'cotonou', name: 'Cotonou', department: 'Littoral', country: 'BJ', status: 'active', isPilot: true };

/** The tracking page (a feedback's direct link) with moderation: report button, hidden notice. */
async function track(feedback: typeof sentFeedback) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'suivi', children: trackingRoutes }]),
      provideCommunesI18nTesting({ participation: { fr: participationFr, en: participationEn }, moderation: { fr, en } }),
      { provide: CommunesApi, useValue: { list: () => of({ items: [commune], total: 1 }), get: () => of(commune) } },
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(false);
  jest.spyOn(session, 'status').mockReturnValue('anonymous');
  const harness = await RouterTestingHarness.create('/suivi/COT-2026-000123?commune=cotonou');
  await settle();
  TestBed.inject(HttpTestingController).expectOne('/api/v1/communes/cotonou/feedback/by-number/COT-2026-000123').flush(feedback);
  await settle();
  await harness.fixture.whenStable();
  return harness.routeNativeElement as HTMLElement;
}

describe('feedback pages with moderation', () => {
  it("someone else's public feedback: a report button, no hidden notice", async () => {
    const page = await track({ ...sentFeedback, isMine: false });
    expect(page.querySelector('cp-report-button button')?.getAttribute('aria-label')).toBe('Signaler COT-2026-000123');
    expect(page.querySelector('cp-hidden-notice')).toBeNull();
  });

  it('hidden feedback opened by its link: "masqué par la modération", no text, nothing to report', async () => {
    const page = await track({ ...sentFeedback, isMine: false, hidden: true, text: '', place: null, hiddenAt: '2026-03-04T10:00:00Z' });
    expect(page.querySelector('cp-hidden-notice')?.textContent).toContain('Masqué par la modération');
    expect(page.querySelector('.text')).toBeNull();
    expect(page.querySelector('cp-report-button')).toBeNull();
  });

  it('its author sees it hidden, with the reason, and the text', async () => {
    const page = await track({ ...sentFeedback, isMine: true, hidden: true, hiddenAt: '2026-03-04T10:00:00Z', hiddenReason: 'Numéro de téléphone personnel' });
    expect(page.querySelector('cp-hidden-notice')?.textContent).toContain('Raison : Numéro de téléphone personnel');
    expect(page.querySelector('.text')?.textContent).toBe(sentFeedback.text);
  });
});

describe('the staff page of a hidden feedback', () => {
  it('says it is hidden, with the reason', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'console/:slug/doleances', children: staffFeedbackRoutes }]),
        provideCommunesI18nTesting({ participation: { fr: participationFr, en: participationEn }, moderation: { fr, en } }),
      ],
    });
    const session = TestBed.inject(AuthSession);
    jest.spyOn(session, 'whenReady').mockResolvedValue();
    jest.spyOn(session, 'signedIn').mockReturnValue(true);
    jest.spyOn(session, 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'moderator' }]);
    const harness = await RouterTestingHarness.create('/console/cotonou/doleances/f1');
    await settle();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/communes/cotonou/feedback/f1').flush({ ...sentFeedback, isMine: false, authorName: 'Koffi A.', hidden: true, hiddenAt: '2026-03-04T10:00:00Z', hiddenReason: 'Propos injurieux' });
    http.expectOne('/api/v1/communes/cotonou/members').flush([]);
    const page = harness.routeNativeElement as HTMLElement;
    for (let i = 0; i < 50 && !page.querySelector('cp-hidden-notice'); i++) {
      await settle();
      await harness.fixture.whenStable();
    }
    expect(page.querySelector('cp-hidden-notice')?.textContent).toContain('Raison : Propos injurieux');
  });
});

describe('the public list with moderation', () => {
  it('a report button on the others’ feedback; a hidden one (its author’s, or for the staff) says so', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'communes/:slug/doleances', children: feedbackRoutes }]),
        provideCommunesI18nTesting({ participation: { fr: participationFr, en: participationEn }, moderation: { fr, en } }),
        { provide: CommunesApi, useValue: { list: () => of({ items: [commune], total: 1 }), get: () => of(commune) } },
      ],
    });
    const session = TestBed.inject(AuthSession);
    jest.spyOn(session, 'whenReady').mockResolvedValue();
    jest.spyOn(session, 'signedIn').mockReturnValue(false);
    jest.spyOn(session, 'status').mockReturnValue('anonymous');
    const harness = await RouterTestingHarness.create();
    void harness.navigateByUrl('/communes/cotonou/doleances');
    const http = TestBed.inject(HttpTestingController);
    for (let i = 0; i < 50 && http.match(() => false).length === 0 && !TestBed.inject(Router).navigated; i++) await settle();
    for (let i = 0; i < 10; i++) await settle();
    http.expectOne((r) => r.url === '/api/v1/communes/cotonou/feedback').flush({
      items: [
        { ...sentFeedback, id: 'f1', isMine: false },
        { ...sentFeedback, id: 'f2', trackingNumber: 'COT-2026-000124', isMine: true, hidden: true, hiddenAt: '2026-03-04T10:00:00Z', hiddenReason: 'Hors sujet' },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    const page = harness.routeNativeElement as HTMLElement;
    for (let i = 0; i < 50 && !page.querySelector('cp-report-button'); i++) {
      await settle();
      await harness.fixture.whenStable();
    }
    const cards = [...page.querySelectorAll('li.cp-card')];
    expect(cards[0].querySelector('cp-report-button button')?.getAttribute('aria-label')).toBe('Signaler COT-2026-000123');
    expect(cards[0].querySelector('cp-hidden-notice')).toBeNull();
    expect(cards[1].querySelector('cp-report-button')).toBeNull();
    expect(cards[1].querySelector('cp-hidden-notice')?.textContent).toContain('Raison : Hors sujet');
  });
});
