import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
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
const DRAFT_KEY = 'communes.feedback-draft.cotonou';

async function open(signedIn: boolean) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'communes/:slug/doleances', children: feedbackRoutes }, { path: 'connexion', children: [] }]),
      provideCommunesI18nTesting({ participation: { fr, en } }),
      { provide: CommunesApi, useValue: { get: () => of({ slug: 'cotonou', name: 'Cotonou' }) } },
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(signedIn);
  jest.spyOn(session, 'status').mockReturnValue(signedIn ? 'signed-in' : 'anonymous');
  const harness = await RouterTestingHarness.create('/communes/cotonou/doleances/nouvelle');
  await harness.fixture.whenStable();
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

function type(page: HTMLElement, selector: string, value: string): void {
  const field = page.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('FeedbackFormPage', () => {
  beforeEach(() => localStorage.clear());

  it('ties each error to its field, focuses the first one, and counts characters against the limit', async () => {
    const { harness, page } = await open(true);
    type(page, '#feedback-text', 'Trop court');
    type(page, '#feedback-text', 'Court');
    await harness.fixture.whenStable();
    expect(page.querySelector('#feedback-text-count')?.textContent?.trim()).toMatch(/^5 caractères sur 4\s000$/);

    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    await harness.fixture.whenStable();

    const category = page.querySelector('#feedback-category')!;
    expect(category.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector('#feedback-category-error')?.textContent).toBe('Choisissez le sujet de votre message.');
    expect(category.getAttribute('aria-describedby')).toBe('feedback-category-error');
    expect(document.activeElement).toBe(category);
    const text = page.querySelector('#feedback-text')!;
    expect(text.getAttribute('aria-describedby')).toBe('feedback-text-hint feedback-text-count feedback-text-error');
    expect(page.querySelector('#feedback-text-error')?.textContent).toBe('Écrivez au moins 10 caractères (vous en avez écrit 5).');
  });

  it('keeps the text when sending fails (offline), offers a retry, then shows the tracking number and forgets the draft', async () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ kind: 'doleance', category: 'assainissement', text: 'Le caniveau de la rue 12.045 est bouché depuis trois semaines.', place: 'Agla', visibility: 'public' }));
    const { harness, page, http } = await open(true);
    expect(page.textContent).toContain('Nous avons retrouvé le texte que vous aviez commencé.');
    expect(page.querySelector<HTMLTextAreaElement>('#feedback-text')!.value).toBe('Le caniveau de la rue 12.045 est bouché depuis trois semaines.');

    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const first = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback' });
    expect(first.request.body).toEqual({ kind: 'doleance', category: 'assainissement', text: 'Le caniveau de la rue 12.045 est bouché depuis trois semaines.', place: 'Agla', visibility: 'public' });
    first.error(new ProgressEvent('error'), { status: 0 });
    await settle();
    await harness.fixture.whenStable();

    const alert = page.querySelector('#feedback-send-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain("Le message n'est pas parti : pas de connexion Internet.");
    expect(alert.textContent).toContain('Votre texte est conservé sur ce téléphone.');
    expect(page.querySelector<HTMLTextAreaElement>('#feedback-text')!.value).toBe('Le caniveau de la rue 12.045 est bouché depuis trois semaines.');
    expect(localStorage.getItem(DRAFT_KEY)).toContain('caniveau');

    alert.querySelector<HTMLButtonElement>('button')!.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/feedback' }).flush(sentFeedback);
    await settle();
    await harness.fixture.whenStable();

    expect(page.querySelector('h1')?.textContent).toBe('Votre message est bien arrivé');
    expect(page.querySelector('.number')?.textContent).toBe('COT-2026-000123');
    expect(page.textContent).toContain('Copier le numéro');
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('saves the draft as the citizen types and, signed out, sends them to sign in without losing it', async () => {
    const { harness, page } = await open(false);
    expect(page.textContent).toContain('Il faut un compte pour envoyer');
    type(page, '#feedback-category', 'eau');
    type(page, '#feedback-text', 'La pompe du forage de Fidjrossè est en panne.');
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}')).toMatchObject({ category: 'eau', text: 'La pompe du forage de Fidjrossè est en panne.' });

    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/connexion?retour=%2Fcommunes%2Fcotonou%2Fdoleances%2Fnouvelle');
    expect(localStorage.getItem(DRAFT_KEY)).toContain('Fidjrossè');
  });
});
