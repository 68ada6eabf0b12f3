import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { ReportButton } from './report-button';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const CONTENT = '6f1c2c1e-4c4a-4a3b-9a55-1d2d3e4f5a6b';

async function render(lang: 'fr' | 'en' = 'fr') {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideCommunesI18nTesting({ moderation: { fr, en } }, lang)],
  });
  const fixture = TestBed.createComponent(ReportButton);
  fixture.componentRef.setInput('slug', 'cotonou');
  fixture.componentRef.setInput('kind', 'feedback');
  fixture.componentRef.setInput('contentId', CONTENT);
  fixture.componentRef.setInput('label', 'la doléance COT-2026-000123');
  await fixture.whenStable();
  const host = fixture.nativeElement as HTMLElement;
  return { fixture, host, http: TestBed.inject(HttpTestingController) };
}

describe('ReportButton', () => {
  it('opens an accessible dialog, requires a reason, sends the report and thanks', async () => {
    const { fixture, host, http } = await render();
    const trigger = host.querySelector<HTMLButtonElement>('button.report')!;
    expect(trigger.textContent?.trim()).toBe('Signaler');
    expect(trigger.getAttribute('aria-label')).toBe('Signaler la doléance COT-2026-000123');
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');

    trigger.click();
    await fixture.whenStable();
    const dialog = host.querySelector('dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(host.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('Signaler un contenu inapproprié');
    expect(host.querySelector('legend')?.textContent).toBe('Pourquoi ce contenu est-il inapproprié ?');
    expect([...host.querySelectorAll('.choice span')].map((s) => s.textContent)).toEqual([
      'Publicité ou spam',
      'Insulte, menace ou propos haineux',
      'Données personnelles (téléphone, adresse…)',
      'Hors sujet',
      'Autre raison',
    ]);

    // No reason chosen: said next to the choices, nothing sent.
    host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    const problem = host.querySelector('.field-error')!;
    expect(problem.textContent).toBe('Choisissez une raison.');
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe(problem.id);
    http.expectNone('/api/v1/communes/cotonou/reports');

    host.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    const details = host.querySelector<HTMLTextAreaElement>('textarea')!;
    details.value = '  Insulte un voisin.  ';
    details.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.querySelector('.count')?.textContent).toBe('22 / 500 caractères');
    expect(details.getAttribute('maxlength')).toBe('500');
    host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = http.expectOne('/api/v1/communes/cotonou/reports');
    expect(request.request.body).toEqual({ contentKind: 'feedback', contentId: CONTENT, reason: 'abuse', details: 'Insulte un voisin.' });
    request.flush({ contentKind: 'feedback', contentId: CONTENT, reason: 'abuse', alreadyReported: false }, { status: 201, statusText: 'Created' });
    await settle();
    await fixture.whenStable();
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Merci, la commune examinera ce contenu.');
    expect(trigger.textContent?.trim()).toBe('Signalé');
    expect(trigger.getAttribute('aria-label')).toBe('Signalé : la doléance COT-2026-000123');

    // Closing gives the focus back to the button.
    [...host.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.textContent?.trim() === 'Fermer')!.click();
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(trigger);
    http.verify();
  });

  it('says why a report was refused (own content), in English too', async () => {
    const { fixture, host, http } = await render('en');
    host.querySelector<HTMLButtonElement>('button.report')!.click();
    await fixture.whenStable();
    host.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
    host.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const request = http.expectOne('/api/v1/communes/cotonou/reports');
    expect(request.request.body).toEqual({ contentKind: 'feedback', contentId: CONTENT, reason: 'spam' });
    request.flush({ status: 409, code: 'moderation.own-content', detail: 'You cannot report your own content.' }, { status: 409, statusText: 'Conflict', headers: { 'content-type': 'application/problem+json' } });
    await settle();
    await fixture.whenStable();
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('You cannot report your own content.');
    expect(host.querySelector<HTMLButtonElement>('button.report')!.textContent?.trim()).toBe('Report');
  });
});
