import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideCommunesI18nTesting } from './testing';
import { TranslatedTitleStrategy } from './translated-title.strategy';

@Component({ selector: 'cp-blank', template: '' })
class Blank {}

describe('TranslatedTitleStrategy', () => {
  it('translates route titles, adds a detail, and follows the language', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'a', component: Blank, title: 'demo.title' },
          { path: 'b', component: Blank },
        ]),
        provideCommunesI18nTesting({
          demo: { fr: { title: 'Budget' }, en: { title: 'Budget (en)' } },
        }),
      ],
    });
    const harness = await RouterTestingHarness.create();
    const strategy = TestBed.inject(TitleStrategy);
    expect(strategy).toBeInstanceOf(TranslatedTitleStrategy);

    await harness.navigateByUrl('/a');
    expect(document.title).toBe('Budget · Communes+');

    (strategy as TranslatedTitleStrategy).setDetail('Cotonou');
    expect(document.title).toBe('Budget · Cotonou · Communes+');

    TestBed.inject(TranslocoService).setActiveLang('en');
    expect(document.title).toBe('Budget (en) · Cotonou · Communes+');

    (strategy as TranslatedTitleStrategy).setDetail(null);
    await harness.navigateByUrl('/b');
    expect(document.title).toBe('Communes+');
  });
});
