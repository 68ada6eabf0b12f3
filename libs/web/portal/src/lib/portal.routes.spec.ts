import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CommuneList } from '@communes/shared-contracts';
import {
  CommunesApi,
  SearchApi,
  type SearchQuery,
  type SearchResult,
  TransparencyApi,
} from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { portalRoutes } from './portal.routes';

const list: CommuneList = {
  total: 2,
  items: [
    {
      id: 'c1',
      slug: 'cotonou',
      name: 'Cotonou',
      department: 'Littoral',
      country: 'BJ',
      status: 'active',
      isPilot: true,
    },
    {
      id: 'c2',
      slug: 'kandi',
      name: 'Kandi',
      department: 'Alibori',
      country: 'BJ',
      status: 'not_onboarded',
      isPilot: false,
    },
  ],
};

const published: SearchResult = {
  hits: [],
  exhaustive: true,
  total: 18,
  page: 1,
  pageSize: 1,
  facets: {
    communes: [],
    departments: [],
    categories: [],
    fiscalYears: [],
    kinds: [
      { value: 'budget_line', count: 922 },
      { value: 'contract', count: 39 },
      { value: 'document', count: 18 },
    ],
  },
  communeNames: {},
};

describe('portalRoutes', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(portalRoutes),
        provideCommunesI18nTesting({ portal: { fr, en } }),
        { provide: CommunesApi, useValue: { list: () => of(list) } },
        {
          provide: SearchApi,
          useValue: {
            // Documents: 18; contracts: more than the search counts.
            search: (q: SearchQuery) =>
              of(
                q.kind?.includes('contract')
                  ? { ...published, total: 1000, exhaustive: false }
                  : published,
              ),
          },
        },
        {
          provide: TransparencyApi,
          useValue: { nationalOcdsUrl: () => '/api/v1/contracts.ocds.json' },
        },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it('opens on the national home: one search box, key figures, active communes, the directory', async () => {
    await harness.navigateByUrl('/');
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('h1')?.textContent).toBe(
      'Ce que fait votre commune, au grand jour',
    );
    const input = page.querySelector<HTMLInputElement>(
      'form[role="search"] input',
    );
    expect(
      page.querySelector(`label[for="${input?.id}"]`)?.textContent?.trim(),
    ).toBe('Rechercher dans toutes les communes');
    expect(
      Array.from(page.querySelectorAll('.figures li'), (li) =>
        li.textContent?.replace(/[\s\u202f\u00a0]+/g, ' ').trim(),
      ),
    ).toEqual([
      '1 communes actives sur Communes+',
      '2 communes au Bénin',
      '18 documents publiés',
      'plus de 1 000 marchés publiés',
    ]);
    expect(page.querySelector('.communes a')?.getAttribute('href')).toBe(
      '/communes/cotonou',
    );
    expect(document.title).toBe('Accueil · Communes+');
  });

  it('sends the home search to the search page with the words in the URL', async () => {
    await harness.navigateByUrl('/');
    const page = harness.routeNativeElement as HTMLElement;
    const input = page.querySelector<HTMLInputElement>(
      'form[role="search"] input',
    );
    if (input) {
      input.value = '  école  ';
    }
    page
      .querySelector('form[role="search"]')
      ?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/recherche?q=%C3%A9cole');
  });

  it('shows the directory at /communes, linking the active communes', async () => {
    await harness.navigateByUrl('/communes');
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('h1')?.textContent).toBe('Annuaire des communes');
    expect(page.querySelector('a.commune__name')?.getAttribute('href')).toBe(
      '/communes/cotonou',
    );
    expect(document.title).toBe('Annuaire des communes · Communes+');
  });

  it('answers an unknown address with a not-found page linking back home', async () => {
    await harness.navigateByUrl('/nulle-part');

    const page = harness.routeNativeElement;
    expect(page?.querySelector('h1')?.textContent).toBe('Page introuvable');
    expect(page?.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(page?.querySelector('a')?.textContent?.trim()).toBe(
      "Retour à l'accueil",
    );
    expect(document.title).toBe('Page introuvable · Communes+');
  });
});
