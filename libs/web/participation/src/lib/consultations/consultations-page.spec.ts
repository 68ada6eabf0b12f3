import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ConsultationResponse } from '@communes/web-api-client';
import { AuthSession } from '@communes/web-auth';
import { CommunesApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { consultationRoutes } from '../participation.routes';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const base: ConsultationResponse = {
  id: 'k1',
  communeId: 'c1',
  title: 'Budget participatif 2026 : vos priorités',
  description: null,
  questions: [],
  documentIds: [],
  documents: [],
  opensAt: '2026-03-01T00:00:00Z',
  closesAt: '2026-03-31T22:00:00Z',
  resultsVisibility: 'after_close',
  state: 'published',
  phase: 'open',
  publishedAt: '2026-03-01T00:00:00Z',
  createdAt: '2026-02-20T00:00:00Z',
  updatedAt: '2026-02-20T00:00:00Z',
  resultsAvailable: false,
  myAnswers: null,
};

describe('ConsultationsPage', () => {
  it('groups the consultations as open, upcoming and closed, with their dates', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'communes/:slug/consultations', children: consultationRoutes }]),
        provideCommunesI18nTesting({ participation: { fr, en } }),
        { provide: CommunesApi, useValue: { get: () => of({ slug: 'cotonou', name: 'Cotonou' }) } },
      ],
    });
    const session = TestBed.inject(AuthSession);
    jest.spyOn(session, 'whenReady').mockResolvedValue();
    const harness = await RouterTestingHarness.create('/communes/cotonou/consultations');
    await settle();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/communes/cotonou/consultations')
      .flush([base, { ...base, id: 'k2', title: 'Marché de Dantokpa : horaires', phase: 'closed', closesAt: '2026-01-31T22:00:00Z', resultsAvailable: true }]);
    await settle();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    const sections = [...page.querySelectorAll('section')].map((s) => ({
      heading: s.querySelector('h2')?.textContent,
      titles: [...s.querySelectorAll('h3')].map((h) => h.textContent),
    }));
    expect(sections).toEqual([
      { heading: 'Ouvertes', titles: ['Budget participatif 2026 : vos priorités'] },
      { heading: 'Bientôt', titles: [] },
      { heading: 'Terminées', titles: ['Marché de Dantokpa : horaires'] },
    ]);
    expect(page.textContent).toContain('Aucune consultation prévue.');
    expect(page.textContent).toContain('Répondez avant le 31 mars 2026');
    expect(page.textContent).toContain('Résultats disponibles');
    expect(page.querySelector('h3 a')?.getAttribute('href')).toBe('/communes/cotonou/consultations/k1');
  });
});
