import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { colourCheck, slugify, WizardPage } from './wizard-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('onboarding wizard', () => {
  it('makes an address from a commune name', () => {
    expect(slugify('Akpro-Missérété')).toBe('akpro-misserete');
    expect(slugify("  Sèmè-Podji (nouvelle) ")).toBe('seme-podji-nouvelle');
  });

  it('onboards a commune of the national list and invites its first admin, in four steps (branding skipped)', async () => {
    TestBed.configureTestingModule({
      imports: [WizardPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideCommunesI18nTesting({ onboarding: { fr, en } })],
    });
    const fixture = TestBed.createComponent(WizardPage);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/communes').flush({
      items: [{ id: 'o', slug: 'ouidah', name: 'Ouidah', department: 'Atlantique', country: 'BJ', status: 'not_onboarded', isPilot: false }],
      total: 1,
    });
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('Intégrer une commune');
    expect(page.textContent).toContain('Étape 1 sur 4');

    const select = page.querySelector<HTMLSelectElement>('#wizard-commune')!;
    select.value = 'ouidah';
    select.dispatchEvent(new Event('change'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(page.textContent).toContain('Ouidah');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(page.textContent).toContain('Étape 3 sur 4');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    const email = page.querySelector<HTMLInputElement>('#wizard-email')!;
    email.value = 'sg@ouidah.bj';
    email.dispatchEvent(new Event('input'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();

    const onboard = http.expectOne('/api/v1/communes');
    expect(onboard.request.method).toBe('POST');
    expect(onboard.request.body).toEqual({ slug: 'ouidah' });
    onboard.flush({ id: 'o', slug: 'ouidah', name: 'Ouidah', department: 'Atlantique', country: 'BJ', status: 'onboarding', isPilot: false, checklist: [] });
    await settle();
    const invite = http.expectOne('/api/v1/communes/ouidah/invitations');
    expect(invite.request.body).toEqual({ email: 'sg@ouidah.bj', role: 'admin' });
    invite.flush({ token: 't', acceptUrl: 'http://localhost/invitations/t', invitation: {} });
    await settle();
    await fixture.whenStable();
    expect(page.textContent).toContain('La commune Ouidah est en cours d');
    expect(page.querySelector('.invite-link')?.textContent).toBe('http://localhost/invitations/t');
  });

  it('checks a colour: #rrggbb, and white text on it at 4.5:1 at least', () => {
    expect(colourCheck('')).toEqual({ state: 'empty' });
    expect(colourCheck('vert')).toEqual({ state: 'invalid' });
    expect(colourCheck('#1D3557')).toMatchObject({ state: 'checked', passes: true });
    expect(colourCheck('#ffd700')).toMatchObject({ state: 'checked', passes: false });
  });

  it('keeps ANCB on the branding step while a colour is too light, then sends the branding before the invitation', async () => {
    TestBed.configureTestingModule({
      imports: [WizardPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideCommunesI18nTesting({ onboarding: { fr, en } })],
    });
    const fixture = TestBed.createComponent(WizardPage);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/communes').flush({
      items: [{ id: 'o', slug: 'ouidah', name: 'Ouidah', department: 'Atlantique', country: 'BJ', status: 'not_onboarded', isPilot: false }],
      total: 1,
    });
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const submit = async () => {
      page.querySelector('form')!.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    const type = async (selector: string, value: string) => {
      const input = page.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const select = page.querySelector<HTMLSelectElement>('#wizard-commune')!;
    select.value = 'ouidah';
    select.dispatchEvent(new Event('change'));
    await submit();
    await submit();
    await type('#wizard-primaryColor', '#ffd700');
    expect(page.querySelector('#wizard-primaryColor-check')?.textContent).toContain('il faut au moins 4,5:1');
    expect(page.querySelector('#wizard-primaryColor')?.getAttribute('aria-invalid')).toBe('true');
    await submit();
    expect(page.textContent).toContain('Étape 3 sur 4');

    await type('#wizard-primaryColor', '#1D3557');
    expect(page.querySelector('#wizard-primaryColor-check')?.textContent).toContain('conforme');
    await type('#wizard-presentation', 'Ville historique de la côte.');
    await submit();
    expect(page.textContent).toContain('Étape 4 sur 4');
    await type('#wizard-email', 'sg@ouidah.bj');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/communes' }).flush({ id: 'o', slug: 'ouidah', name: 'Ouidah', department: 'Atlantique', country: 'BJ', status: 'onboarding', isPilot: false, checklist: [] });
    await settle();
    const branding = http.expectOne({ method: 'PATCH', url: '/api/v1/communes/ouidah/branding' });
    expect(branding.request.body).toEqual({ primaryColor: '#1d3557', presentation: 'Ville historique de la côte.' });
    branding.flush({});
    await settle();
    http.expectOne('/api/v1/communes/ouidah/invitations').flush({ token: 't', acceptUrl: 'http://localhost/invitations/t', invitation: {} });
    await settle();
    await fixture.whenStable();
    expect(page.querySelector('.invite-link')?.textContent).toBe('http://localhost/invitations/t');
  });
});
