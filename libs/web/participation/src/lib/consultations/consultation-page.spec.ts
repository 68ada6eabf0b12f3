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
const URL = '/api/v1/communes/cotonou/consultations/k1';

const consultation: ConsultationResponse = {
  id: 'k1',
  communeId: 'c1',
  title: 'Budget participatif 2026 : vos priorités',
  description: null,
  questions: [
    { id: 'q1', text: 'Quel projet en premier ?', multiple: false, options: [{ id: 'o1', label: 'Forage à Agla' }, { id: 'o2', label: 'Éclairage de la route des pêches' }] },
  ],
  documentIds: [],
  documents: [],
  opensAt: '2026-03-01T00:00:00Z',
  closesAt: '2026-03-31T23:00:00Z',
  resultsVisibility: 'live',
  state: 'published',
  phase: 'open',
  publishedAt: '2026-03-01T00:00:00Z',
  createdAt: '2026-02-20T00:00:00Z',
  updatedAt: '2026-02-20T00:00:00Z',
  resultsAvailable: false,
  myAnswers: null,
};

async function open() {
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
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'status').mockReturnValue('signed-in');
  const harness = await RouterTestingHarness.create('/communes/cotonou/consultations/k1');
  await settle();
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

describe('ConsultationPage', () => {
  it('asks for a choice, sends the answer once, then shows the results as figures with decorative bars and the CSV', async () => {
    const { harness, page, http } = await open();
    http.expectOne(URL).flush(consultation);
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('h1')?.textContent).toBe('Budget participatif 2026 : vos priorités');
    expect(page.querySelector('legend')?.textContent).toBe('Quel projet en premier ?');

    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    const fieldset = page.querySelector('#question-q1')!;
    expect(fieldset.getAttribute('aria-describedby')).toBe('question-q1-hint question-q1-error');
    expect(page.querySelector('#question-q1-error')?.textContent).toBe('Choisissez au moins une réponse.');
    http.expectNone({ method: 'POST', url: `${URL}/responses` });

    page.querySelector<HTMLInputElement>('input[value="o2"]')!.click();
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const post = http.expectOne({ method: 'POST', url: `${URL}/responses` });
    expect(post.request.body).toEqual({ answers: [{ questionId: 'q1', optionIds: ['o2'] }] });
    post.flush({ ...consultation, resultsAvailable: true, myAnswers: { q1: ['o2'] }, updatedAt: '2026-03-02T00:00:00Z' });
    await settle();
    harness.fixture.detectChanges();
    await settle();
    http.expectOne(`${URL}/results`).flush({
      consultationId: 'k1',
      phase: 'open',
      participants: 20,
      questions: [{ id: 'q1', text: 'Quel projet en premier ?', multiple: false, options: [{ id: 'o1', label: 'Forage à Agla', votes: 8, percent: 40 }, { id: 'o2', label: 'Éclairage de la route des pêches', votes: 12, percent: 60 }] }],
    });
    await settle();
    await harness.fixture.whenStable();

    expect(page.querySelector('#consultation-thanks')?.textContent).toBe('Merci, votre réponse est enregistrée');
    expect(page.querySelector('form')).toBeNull();
    expect(page.textContent).toContain('Participants : 20');
    const bars = [...page.querySelectorAll('.bars li')];
    expect(bars.map((li) => li.querySelector('.bar-figures')?.textContent)).toEqual(['8 voix (40 %)', '12 voix (60 %)']);
    expect(bars[1].querySelector('.bar')?.getAttribute('aria-hidden')).toBe('true');
    expect(bars[1].querySelector<HTMLElement>('.bar > span')?.style.width).toBe('60%');
    expect(page.querySelector<HTMLAnchorElement>('a[download]')?.getAttribute('href')).toBe(`${URL}/results.csv`);
  });
});
