import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type SearchQuery,
  SearchApi,
  type SearchResult,
} from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { SearchPage } from './search-page';

const result: SearchResult = {
  exhaustive: true,
  total: 45,
  page: 1,
  pageSize: 20,
  hits: [
    {
      record: {
        id: 'contract:1',
        kind: 'contract',
        title: "Construction de l'école de Zogbo",
        category: 'works',
        communeId: 'c1',
        communeName: 'Cotonou',
        communeSlug: 'cotonou',
        department: 'Littoral',
        fiscalYear: 2025,
        amount: '45000000',
        date: '2025-03-15',
        url: '/communes/cotonou/contracts/1',
      },
      highlights: {
        title: "Construction de l'<mark>école</mark> de Zogbo",
        body: 'attribué à BTP Bénin',
      },
    },
  ],
  facets: {
    communes: [{ value: 'cotonou', count: 45 }],
    departments: [{ value: 'Littoral', count: 45 }],
    kinds: [
      { value: 'contract', count: 30 },
      { value: 'document', count: 15 },
    ],
    categories: [{ value: 'works', count: 30 }],
    fiscalYears: [
      { value: '2024', count: 5 },
      { value: '2025', count: 40 },
    ],
  },
  communeNames: { cotonou: 'Cotonou' },
};

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

describe('SearchPage', () => {
  let queries: SearchQuery[];
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    queries = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: 'recherche',
            component: SearchPage,
            title: 'portal.search.title',
          },
        ]),
        provideCommunesI18nTesting({ portal: { fr, en } }),
        {
          provide: SearchApi,
          useValue: {
            search: (q: SearchQuery) => {
              queries.push(q);
              return of(
                q.q === 'budget'
                  ? { ...result, total: 1000, exhaustive: false }
                  : result,
              );
            },
          },
        },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  /** Unfolds the filters, as a tap on their summary does. */
  async function openFilters(page: HTMLElement): Promise<void> {
    const details = page.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await harness.fixture.whenStable();
  }

  it('searches what the URL says and shows hits with highlights, commune and amount', async () => {
    await harness.navigateByUrl('/recherche?q=école&kind=contract&page=2');
    const page = harness.routeNativeElement as HTMLElement;

    expect(queries.at(-1)).toMatchObject({
      q: 'école',
      kind: ['contract'],
      page: 2,
      pageSize: 20,
    });
    expect(plain(page.querySelector('[role="status"]')?.textContent)).toBe(
      '45 résultats pour « école »',
    );
    expect(document.title).toBe('Recherche · « école » · Communes+');
    const title = page.querySelector('.hit__title a');
    expect(title?.getAttribute('href')).toBe('/communes/cotonou/contracts/1');
    expect(title?.querySelector('mark')?.textContent).toBe('école');
    // Drawn as text runs: no space slips in around the marked word.
    expect(title?.textContent?.trim()).toBe("Construction de l'école de Zogbo");
    expect(page.querySelector('.hit__body')?.textContent?.trim()).toBe(
      'attribué à BTP Bénin',
    );
    const meta = plain(page.querySelector('.hit__meta')?.textContent);
    expect(meta).toContain('Cotonou');
    expect(meta).toContain('45 000 000 FCFA');
    expect(meta).toContain('15 mars 2025');
    expect(plain(page.querySelector('.hit__kind')?.textContent)).toBe(
      'Marché public · Travaux',
    );
    // Page 2 of 3: both neighbours, keeping the query.
    const links = Array.from(
      page.querySelectorAll<HTMLAnchorElement>('.pager a'),
      (a) => a.getAttribute('href'),
    );
    expect(links).toEqual([
      '/recherche?q=%C3%A9cole&kind=contract',
      '/recherche?q=%C3%A9cole&kind=contract&page=3',
    ]);
  });

  it('follows a result in the app on a plain click, and leaves a ctrl-click to the browser', async () => {
    await harness.navigateByUrl('/recherche?q=école');
    const page = harness.routeNativeElement as HTMLElement;
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    const title = page.querySelector<HTMLAnchorElement>('.hit__title a');
    const commune = page.querySelector<HTMLAnchorElement>('.hit__meta a');
    expect(commune?.getAttribute('href')).toBe('/communes/cotonou');

    const ctrlClick = new MouseEvent('click', {
      bubbles: true,
      cancelable: true,
      ctrlKey: true,
    });
    title?.dispatchEvent(ctrlClick);
    expect(navigate).not.toHaveBeenCalled();
    expect(ctrlClick.defaultPrevented).toBe(false);

    const click = new MouseEvent('click', {
      bubbles: true,
      cancelable: true,
      button: 0,
    });
    title?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/communes/cotonou/contracts/1');
  });

  it('shows facets as labelled checkboxes with counts, and puts a ticked one in the URL', async () => {
    await harness.navigateByUrl('/recherche?q=école');
    const page = harness.routeNativeElement as HTMLElement;
    // Folded (a phone: no wide screen here), the box holds no facets until it is opened.
    expect(page.querySelector('details')?.open).toBe(false);
    expect(page.querySelectorAll('fieldset')).toHaveLength(0);
    await openFilters(page);

    const legends = Array.from(page.querySelectorAll('legend'), (l) =>
      plain(l.textContent),
    );
    expect(legends).toEqual([
      'Commune',
      'Département',
      "Type d'information",
      'Catégorie',
      'Année',
      'Montant (FCFA)',
    ]);
    const communeBox = page.querySelector<HTMLInputElement>(
      'input#facette-commune-0',
    );
    expect(
      plain(page.querySelector('label[for="facette-commune-0"]')?.textContent),
    ).toBe('Cotonou (45)');
    expect(
      Array.from(
        page.querySelectorAll('label[for^="facette-fiscalYear"]'),
        (l) => plain(l.textContent),
      ),
    ).toEqual(['2025 (40)', '2024 (5)']);

    communeBox?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(
      '/recherche?q=%C3%A9cole&commune=cotonou',
    );
    expect(plain(page.querySelector('summary h2')?.textContent)).toBe(
      'Filtres (1)',
    );
    expect(queries.at(-1)?.commune).toEqual(['cotonou']);
  });

  it('applies an amount range and a sort from the form', async () => {
    await harness.navigateByUrl('/recherche');
    const page = harness.routeNativeElement as HTMLElement;
    await openFilters(page);

    const min = page.querySelector<HTMLInputElement>('#montant-min');
    if (min) {
      min.value = '1 000 000';
    }
    page
      .querySelector<HTMLFormElement>('form.amount')
      ?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/recherche?amountMin=1000000');

    const sort = page.querySelector<HTMLSelectElement>('#tri');
    if (sort) {
      sort.value = 'amount:desc';
      sort.dispatchEvent(new Event('change'));
    }
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(
      '/recherche?amountMin=1000000&sort=amount:desc',
    );
    expect(queries.at(-1)).toMatchObject({
      amountMin: '1000000',
      sort: 'amount',
      order: 'desc',
    });
  });

  it('says when there are more results than the search can count, and invites to narrow it', async () => {
    await harness.navigateByUrl('/recherche?q=budget');
    const page = harness.routeNativeElement as HTMLElement;

    expect(plain(page.querySelector('[role="status"]')?.textContent)).toBe(
      'Plus de 1 000 résultats pour « budget »',
    );
    expect(plain(page.querySelector('.narrow')?.textContent)).toContain(
      'précisez votre recherche',
    );
  });
});
