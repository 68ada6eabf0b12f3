import { TestBed } from '@angular/core/testing';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { OfflineBanner } from './offline-banner';

describe('OfflineBanner', () => {
  let online = true;

  beforeEach(() => {
    online = true;
    jest.spyOn(window.navigator, 'onLine', 'get').mockImplementation(() => online);
  });
  afterEach(() => jest.restoreAllMocks());

  async function render(lang: 'fr' | 'en' = 'fr') {
    TestBed.configureTestingModule({ providers: [provideCommunesI18nTesting({}, lang)] });
    const fixture = TestBed.createComponent(OfflineBanner);
    await fixture.whenStable();
    return fixture;
  }

  function goOffline(value: boolean) {
    online = !value;
    window.dispatchEvent(new Event(value ? 'offline' : 'online'));
  }

  it('says nothing while online', async () => {
    const fixture = await render();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });

  it('explains, politely announced, that visited pages still work and that nothing typed is lost', async () => {
    const fixture = await render();
    goOffline(true);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(page.textContent).toContain('Vous êtes hors ligne.');
    expect(page.textContent).toContain('vos formulaires restent remplis');
  });

  it('says when the connection is back, in the active language', async () => {
    const fixture = await render('en');
    goOffline(true);
    await fixture.whenStable();
    goOffline(false);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Back online.');
  });
});
