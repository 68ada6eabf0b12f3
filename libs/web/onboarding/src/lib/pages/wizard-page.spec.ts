import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { slugify, WizardPage } from './wizard-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('onboarding wizard', () => {
  it('makes an address from a commune name', () => {
    expect(slugify('Akpro-Missérété')).toBe('akpro-misserete');
    expect(slugify("  Sèmè-Podji (nouvelle) ")).toBe('seme-podji-nouvelle');
  });

  it('onboards a commune of the national list and invites its first admin, in three steps', async () => {
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
    expect(page.textContent).toContain('Étape 1 sur 3');

    const select = page.querySelector<HTMLSelectElement>('#wizard-commune')!;
    select.value = 'ouidah';
    select.dispatchEvent(new Event('change'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(page.textContent).toContain('Ouidah');
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
});
