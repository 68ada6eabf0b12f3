import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MembershipRole } from '@communes/shared-contracts';
import { AuthSession } from '@communes/web-auth';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { communePracticesRoutes } from '../good-practices.routes';
import { answer, practice, settle } from '../testing-fixtures';

const publishedDocument = { id: 'd1', communeId: 'c1', category: 'rapport_reddition_comptes', title: 'Rapport de reddition de comptes 2025', fiscalYear: 2025, state: 'published' };

async function open(url: string, role: MembershipRole = 'editor') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/bonnes-pratiques', children: communePracticesRoutes }, { path: 'connexion', children: [] }, { path: 'acces-refuse', children: [] }]),
      provideCommunesI18nTesting({ practices: { fr, en } }),
    ],
  });
  const session = TestBed.inject(AuthSession);
  jest.spyOn(session, 'whenReady').mockResolvedValue();
  jest.spyOn(session, 'signedIn').mockReturnValue(true);
  jest.spyOn(session, 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role }]);
  const harness = await RouterTestingHarness.create(url);
  await settle();
  return { harness, page: harness.routeNativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

async function until(harness: RouterTestingHarness, done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    await settle();
    await harness.fixture.whenStable();
  }
}

describe('CommunePracticePage', () => {
  it('creates a draft with the linked documents ticked, then opens it', async () => {
    const { harness, page, http } = await open('/console/cotonou/bonnes-pratiques/nouvelle');
    await answer(harness, http, '/api/v1/communes/cotonou/documents', [publishedDocument, { ...publishedDocument, id: 'd2', state: 'draft' }]);
    await until(harness, () => page.querySelectorAll('input[name="documentIds"]').length > 0);
    expect(page.querySelector('h1')?.textContent).toBe('Nouvelle bonne pratique');
    expect(page.querySelectorAll('input[name="documentIds"]')).toHaveLength(1);

    page.querySelector<HTMLInputElement>('#gp-title')!.value = 'Guichet unique de l’état civil';
    page.querySelector<HTMLSelectElement>('#gp-theme')!.value = 'etat_civil';
    page.querySelector<HTMLInputElement>('input[name="documentIds"]')!.checked = true;
    page.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const create = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices' });
    expect(create.request.body).toEqual({ title: 'Guichet unique de l’état civil', theme: 'etat_civil', summary: '', body: '', results: '', contactRole: '', documentIds: ['d1'] });
    create.flush({ ...practice, id: 'p9', status: 'draft', reviews: [] });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/console/cotonou/bonnes-pratiques/p9');
  });

  it("shows ANCB's request and the history, and says what is missing before submitting", async () => {
    const { harness, page, http } = await open('/console/cotonou/bonnes-pratiques/p1');
    await answer(harness, http, '/api/v1/communes/cotonou/good-practices/p1', { ...practice, body: 'Trop court.' });
    await answer(harness, http, '/api/v1/communes/cotonou/documents', [publishedDocument]);
    await until(harness, () => page.querySelector('h1')?.textContent === practice.title && page.querySelectorAll('input[name="documentIds"]').length > 0);

    expect(page.querySelector('.badge')?.textContent).toBe('Modifications demandées');
    expect(page.querySelector('blockquote')?.textContent).toBe('Précisez le montant de l’enveloppe.');
    expect([...page.querySelectorAll('.timeline strong')].map((s) => s.textContent)).toEqual(["Soumise à l'ANCB par la commune", "L'ANCB demande des modifications"]);
    expect(page.querySelector<HTMLInputElement>('input[name="documentIds"]')!.checked).toBe(true);

    page.querySelector<HTMLFormElement>('section[aria-labelledby="gp-submit-title"] form')!.dispatchEvent(new Event('submit'));
    await until(harness, () => !!page.querySelector('[role="alert"]'));
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Avant de soumettre, complétez : La pratique.');
    http.expectNone({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices/p1/submit' });
  });

  it('saves what is on screen, then submits it with a note for ANCB', async () => {
    const { harness, page, http } = await open('/console/cotonou/bonnes-pratiques/p1');
    const complete = { ...practice, body: 'x'.repeat(120) };
    await answer(harness, http, '/api/v1/communes/cotonou/good-practices/p1', complete);
    await answer(harness, http, '/api/v1/communes/cotonou/documents', [publishedDocument]);
    await until(harness, () => page.querySelector('h1')?.textContent === practice.title);
    page.querySelector<HTMLTextAreaElement>('#gp-submit-comment')!.value = 'Montant ajouté.';
    page.querySelector<HTMLFormElement>('section[aria-labelledby="gp-submit-title"] form')!.dispatchEvent(new Event('submit'));
    await settle();
    const save = http.expectOne({ method: 'PUT', url: '/api/v1/communes/cotonou/good-practices/p1' });
    expect(save.request.body).toMatchObject({ title: practice.title, body: 'x'.repeat(120), documentIds: ['d1'] });
    save.flush(complete);
    await settle();
    const submit = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/good-practices/p1/submit' });
    expect(submit.request.body).toEqual({ comment: 'Montant ajouté.' });
    submit.flush({ ...complete, status: 'submitted' });
    await until(harness, () => page.querySelector('[role="status"]')?.textContent === "Bonne pratique soumise à l'ANCB.");
    expect(page.querySelector('form')).toBeNull();
    expect(page.textContent).toContain("Cette pratique attend l'examen de l'ANCB");
  });

  it('is read-only for a moderator', async () => {
    const { harness, page, http } = await open('/console/cotonou/bonnes-pratiques/p1', 'moderator');
    await answer(harness, http, '/api/v1/communes/cotonou/good-practices/p1', practice);
    await answer(harness, http, '/api/v1/communes/cotonou/documents', []);
    await until(harness, () => page.querySelector('h1')?.textContent === practice.title);
    expect(page.querySelector('form')).toBeNull();
    expect(page.textContent).toContain('Seuls les administrateurs et les rédacteurs');
  });
});
