import { Component, REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { FcfaPipe } from '../format/format.pipes';
import { LanguageSwitch } from '../language-switch/language-switch';
import { LanguageService } from './language.service';
import { LANGUAGE_STORAGE_KEY } from './languages';
import { provideCommunesI18nTesting } from './testing';

@Component({
  selector: 'cp-host',
  imports: [TranslocoPipe, FcfaPipe, LanguageSwitch],
  template: `
    <cp-language-switch />
    <p class="skip">{{ 'app.skipLink' | transloco }}</p>
    <p class="amount">{{ 1234567 | cpFcfa }}</p>
  `,
})
class Host {}

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ').trim();
}

describe('LanguageService and LanguageSwitch', () => {
  beforeEach(() => {
    document.cookie = `${LANGUAGE_STORAGE_KEY}=; path=/; max-age=0`;
    document.documentElement.lang = 'fr';
    TestBed.configureTestingModule({
      providers: [provideCommunesI18nTesting()],
    });
  });

  it('shows French by default and switches to English at run time, remembering the choice', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(plain(page.querySelector('.skip')?.textContent)).toBe(
      'Aller au contenu',
    );
    expect(plain(page.querySelector('.amount')?.textContent)).toBe(
      '1 234 567 FCFA',
    );
    const buttons = page.querySelectorAll<HTMLButtonElement>(
      'cp-language-switch button',
    );
    expect(Array.from(buttons, (b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'false',
    ]);
    expect(
      page
        .querySelector('cp-language-switch [role="group"]')
        ?.getAttribute('aria-label'),
    ).toBe('Langue');

    buttons[1].click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('en');
    expect(plain(page.querySelector('.skip')?.textContent)).toBe(
      'Skip to content',
    );
    expect(plain(page.querySelector('.amount')?.textContent)).toBe(
      '1,234,567 FCFA',
    );
    expect(document.documentElement.lang).toBe('en');
    expect(document.cookie).toContain(`${LANGUAGE_STORAGE_KEY}=en`);
    expect(Array.from(buttons, (b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
    ]);
    // Each language is named in its own language, marked for screen readers.
    expect(buttons[1].getAttribute('lang')).toBe('en');
    expect(plain(buttons[1].textContent)).toContain('English');
  });

  it('restores the language saved in the cookie and ignores a tampered value', async () => {
    const service = TestBed.inject(LanguageService);

    document.cookie = `${LANGUAGE_STORAGE_KEY}=en; path=/`;
    await service.init();
    expect(service.language()).toBe('en');
    expect(service.locale()).toBe('en-GB');
    expect(document.documentElement.lang).toBe('en');

    document.cookie = `${LANGUAGE_STORAGE_KEY}=xx; path=/`;
    await service.init();
    expect(service.language()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('never reads localStorage at start (a first read blocks a phone for milliseconds)', async () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem');
    await TestBed.inject(LanguageService).init();
    expect(getItem).not.toHaveBeenCalled();
    getItem.mockRestore();
  });
});

describe('LanguageService on the server', () => {
  function onServer(cookie: string | null): LanguageService {
    TestBed.configureTestingModule({
      providers: [
        provideCommunesI18nTesting(),
        {
          provide: REQUEST,
          // The part of the request the service reads (jsdom has no fetch Request).
          useValue: {
            headers: { get: (name: string) => (name === 'cookie' ? cookie : null) },
          },
        },
      ],
    });
    return TestBed.inject(LanguageService);
  }

  it("renders in the language of the request's cookie", async () => {
    const service = onServer(`other=1; ${LANGUAGE_STORAGE_KEY}=en`);
    await service.init();
    expect(service.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('renders in French without the cookie or with a tampered one', async () => {
    let service = onServer(null);
    await service.init();
    expect(service.language()).toBe('fr');

    TestBed.resetTestingModule();
    service = onServer(`${LANGUAGE_STORAGE_KEY}=xx`);
    await service.init();
    expect(service.language()).toBe('fr');
  });
});
