import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { ImportsPage } from './imports-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('ImportsPage', () => {
  it('shows the preview and the error report as a table (line, column, problem), with no import button', async () => {
    TestBed.configureTestingModule({
      imports: [ImportsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideCommunesI18nTesting({ console: { fr, en } }),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ slug: 'cotonou' }), parent: null } } },
      ],
    });
    const fixture = TestBed.createComponent(ImportsPage);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const input = page.querySelector<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: { item: () => new File(['a;b'], 'budget.csv', { type: 'text/csv' }) } });
    input.dispatchEvent(new Event('change'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();

    const request = TestBed.inject(HttpTestingController).expectOne((r) => r.url === '/api/v1/communes/cotonou/budgets/imports');
    expect(request.request.params.get('stage')).toBe('primitif');
    expect(request.request.body).toBeInstanceOf(FormData);
    request.flush({
      importId: 'i1',
      totalLines: 3,
      validLines: 2,
      errors: [{ line: 3, column: 'montant', message: 'Le montant « 12,5 » n’est pas un nombre entier de francs.' }],
      sample: [],
    });
    await settle();
    await fixture.whenStable();

    expect(page.querySelector('h2')?.textContent).toContain('2 ligne(s) valide(s) sur 3');
    const cells = [...page.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['3', 'montant', 'Le montant « 12,5 » n’est pas un nombre entier de francs.']);
    expect(page.querySelector('caption')?.textContent).toBe('Erreurs à corriger');
    expect(page.textContent).not.toContain('Importer et publier');
  });
});
