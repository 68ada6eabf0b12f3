import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import sessionsEn from '../i18n/sessions.en.json';
import sessionsFr from '../i18n/sessions.fr.json';
import { BrandingPage } from './branding-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const branding = {
  primaryColor: '#0b6e4f',
  secondaryColor: null,
  logoUrl: null,
  presentation: null,
  mayorName: null,
  contactEmail: null,
  contactPhone: null,
  address: null,
  website: null,
  updatedAt: null,
};

describe('BrandingPage', () => {
  it('previews a colour, warns under 4.5:1 with white text and blocks saving, then sends only what changed', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'console/:slug/identite', component: BrandingPage }]),
        provideCommunesI18nTesting({ console: { fr: { ...fr, ...sessionsFr }, en: { ...en, ...sessionsEn } } }),
      ],
    });
    const harness = await RouterTestingHarness.create('/console/cotonou/identite');
    const http = TestBed.inject(HttpTestingController);
    await settle();
    http.expectOne('/api/v1/communes/cotonou').flush({ slug: 'cotonou', name: 'Cotonou', branding });
    await settle();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const code = page.querySelector<HTMLInputElement>('#primaryColor-code')!;
    expect(code.value).toBe('#0b6e4f');
    expect(page.querySelector('#primaryColor-contrast')?.textContent).toContain('conforme');
    const save = [...page.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Enregistrer')!;

    code.value = '#FFD700';
    code.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(page.querySelector('#primaryColor-contrast .field-error')?.textContent).toContain('1,40:1 seulement');
    expect(page.querySelector<HTMLElement>('.preview-header')?.style.backgroundColor).toBe('rgb(255, 215, 0)');
    expect(save.disabled).toBe(true);

    code.value = '#1D3557';
    code.dispatchEvent(new Event('input'));
    const mayor = page.querySelector<HTMLInputElement>('#mayorName')!;
    mayor.value = 'Luc Sètondji Atrokpo';
    mayor.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(save.disabled).toBe(false);
    save.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/communes/cotonou/branding' });
    expect(patch.request.body).toEqual({ primaryColor: '#1d3557', mayorName: 'Luc Sètondji Atrokpo' });
    patch.flush({ ...branding, primaryColor: '#1d3557', mayorName: 'Luc Sètondji Atrokpo' });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Identité enregistrée');
  });

  it("shows the API's refusal of a logo", async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'console/:slug/identite', component: BrandingPage }]),
        provideCommunesI18nTesting({ console: { fr: { ...fr, ...sessionsFr }, en: { ...en, ...sessionsEn } } }),
      ],
    });
    const harness = await RouterTestingHarness.create('/console/cotonou/identite');
    const http = TestBed.inject(HttpTestingController);
    await settle();
    http.expectOne('/api/v1/communes/cotonou').flush({ slug: 'cotonou', name: 'Cotonou', branding });
    await settle();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const input = page.querySelector<HTMLInputElement>('#logo-file')!;
    Object.defineProperty(input, 'files', { value: { item: () => new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }) } });
    input.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    input.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const upload = http.expectOne({ method: 'POST', url: '/api/v1/communes/cotonou/logo' });
    expect(upload.request.body).toBeInstanceOf(FormData);
    const detail = 'SVG logos are not accepted (they can carry scripts): send a PNG, JPEG or WebP image.';
    upload.flush({ status: 415, code: 'branding.logo-svg-refused', detail }, { status: 415, statusText: 'Unsupported Media Type' });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(detail);
  });
});
