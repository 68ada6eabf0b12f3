import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { GoodPracticeLibraryResponse } from '@communes/web-api-client';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { libraryRoutes } from '../good-practices.routes';
import { answer, practice, settle } from '../testing-fixtures';

const page1: GoodPracticeLibraryResponse = {
  total: 1,
  page: 1,
  pageSize: 12,
  items: [{ ...practice, status: 'published', publishedAt: '2026-03-05T09:00:00Z' }],
  themes: [{ theme: 'participation_citoyenne', count: 1 }, { theme: 'etat_civil', count: 2 }],
  departments: [{ department: 'Littoral', count: 1 }],
  communes: [{ slug: 'cotonou', name: 'Cotonou', count: 1 }],
  years: [{ year: 2026, count: 1 }],
};

async function rendered(harness: RouterTestingHarness): Promise<HTMLElement> {
  const page = harness.routeNativeElement as HTMLElement;
  for (let i = 0; i < 50 && !page.querySelector('[role="status"]')?.textContent?.includes('pratique'); i++) {
    await settle();
    await harness.fixture.whenStable();
  }
  return page;
}

describe('LibraryPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'bonnes-pratiques', children: libraryRoutes }]),
        provideCommunesI18nTesting({ practices: { fr, en } }),
      ],
    });
  });

  it('shows the cards, the theme chips with their counts, and filters by theme through the address', async () => {
    const harness = await RouterTestingHarness.create('/bonnes-pratiques');
    await settle();
    const http = TestBed.inject(HttpTestingController);
    await answer(harness, http, '/api/v1/good-practices?pageSize=12', page1);
    const page = await rendered(harness);

    expect(page.querySelector('h1')?.textContent).toBe('Bonnes pratiques des communes');
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe('1 bonne pratique');
    const card = page.querySelector('.cards li')!;
    expect(card.querySelector('h2 a')?.getAttribute('href')).toBe('/bonnes-pratiques/p1');
    expect(card.textContent).toContain('Cotonou · Littoral');
    expect(card.textContent).toContain('Participation citoyenne');

    const chips = [...page.querySelectorAll<HTMLButtonElement>('.chips button')];
    expect(chips[0].getAttribute('aria-pressed')).toBe('true');
    const civil = chips.find((c) => c.textContent?.includes('État civil'))!;
    expect(civil.textContent?.trim()).toBe('État civil (2)');
    civil.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/bonnes-pratiques?theme=etat_civil');
    await answer(harness, http, '/api/v1/good-practices?theme=etat_civil&pageSize=12', { ...page1, total: 0, items: [] });
    await settle();
    await harness.fixture.whenStable();
    expect(civil.getAttribute('aria-pressed')).toBe('true');
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe('Aucune bonne pratique ne correspond à votre recherche.');
  });

  it('searches with the words typed, from the first page, and filters by commune', async () => {
    const harness = await RouterTestingHarness.create('/bonnes-pratiques?page=2');
    await settle();
    const http = TestBed.inject(HttpTestingController);
    await answer(harness, http, '/api/v1/good-practices?page=2&pageSize=12', { ...page1, total: 20 });
    const page = await rendered(harness);
    page.querySelector<HTMLInputElement>('#practices-q')!.value = 'budget participatif';
    page.querySelector<HTMLFormElement>('form[role="search"]')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/bonnes-pratiques?q=budget%20participatif');
    await answer(harness, http, '/api/v1/good-practices?q=budget%20participatif&pageSize=12', page1);
    await harness.fixture.whenStable();
    const commune = page.querySelector<HTMLSelectElement>('#practices-commune')!;
    expect([...commune.options].map((o) => o.textContent?.trim())).toEqual(['Tous', 'Cotonou (1)']);
    commune.value = 'cotonou';
    commune.dispatchEvent(new Event('change'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/bonnes-pratiques?q=budget%20participatif&commune=cotonou');
    await answer(harness, http, '/api/v1/good-practices?q=budget%20participatif&commune=cotonou&pageSize=12', page1);
  });

  it('pages through the library with links that keep the filters in the address', async () => {
    const harness = await RouterTestingHarness.create('/bonnes-pratiques?theme=etat_civil&page=2');
    await settle();
    const http = TestBed.inject(HttpTestingController);
    await answer(harness, http, '/api/v1/good-practices?theme=etat_civil&page=2&pageSize=12', { ...page1, total: 30, page: 2 });
    const page = await rendered(harness);
    const links = () => Array.from(page.querySelectorAll('nav a'), (a) => [a.textContent?.trim(), a.getAttribute('href')]);

    const nav = page.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Pagination');
    expect(nav.querySelector('[aria-current="page"]')?.textContent?.trim()).toBe('Page 2 sur 3');
    expect(links()).toEqual([
      ['Précédent', '/bonnes-pratiques?theme=etat_civil'],
      ['Suivant', '/bonnes-pratiques?theme=etat_civil&page=3'],
    ]);

    // Next: the page comes from the address, the last page has no next.
    page.querySelector<HTMLAnchorElement>('nav a[rel="next"]')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/bonnes-pratiques?theme=etat_civil&page=3');
    await answer(harness, http, '/api/v1/good-practices?theme=etat_civil&page=3&pageSize=12', { ...page1, total: 30, page: 3 });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('nav [aria-current="page"]')?.textContent?.trim()).toBe('Page 3 sur 3');
    expect(links()).toEqual([['Précédent', '/bonnes-pratiques?theme=etat_civil&page=2']]);

    // Back to the first page: no page in the address, no previous.
    await harness.navigateByUrl('/bonnes-pratiques?theme=etat_civil');
    await answer(harness, http, '/api/v1/good-practices?theme=etat_civil&pageSize=12', { ...page1, total: 30 });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('nav [aria-current="page"]')?.textContent?.trim()).toBe('Page 1 sur 3');
    expect(links()).toEqual([['Suivant', '/bonnes-pratiques?theme=etat_civil&page=2']]);
  });

  it('shows no pager when the results fit on one page', async () => {
    const harness = await RouterTestingHarness.create('/bonnes-pratiques');
    await settle();
    const http = TestBed.inject(HttpTestingController);
    await answer(harness, http, '/api/v1/good-practices?pageSize=12', { ...page1, total: 12 });
    const page = await rendered(harness);
    expect(page.querySelector('nav')).toBeNull();
  });
});
