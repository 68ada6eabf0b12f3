import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type CommunePage, CommunesApi, type NewsArticle, NewsApi, TransparencyApi } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import { of } from 'rxjs';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { communeRoutes } from '../commune.routes';
import { EVENT_SOURCE_FACTORY } from '../sessions/session-live';

const cotonou = { id: 'c1', slug: 'cotonou', name: 'Cotonou', department: 'Littoral', country: 'BJ', status: 'active', isPilot: true, population: 679012, activatedAt: null, onboardingStartedAt: null, suspendedAt: null, suspensionReason: null, checklist: [] } as unknown as CommunePage;

const article = (n: number, overrides: Partial<NewsArticle> = {}): NewsArticle => ({
  id: `n${n}`,
  communeId: 'c1',
  title: `Actualité ${n}`,
  summary: `Résumé ${n}`,
  body: 'Premier paragraphe.\n\nDeuxième paragraphe.',
  state: 'published',
  publishedAt: `2026-11-${String(20 - n).padStart(2, '0')}T09:00:00Z`,
  withdrawnAt: null,
  withdrawalReason: null,
  cover: null,
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-01T09:00:00Z',
  ...overrides,
});

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('news on the commune page', () => {
  let harness: RouterTestingHarness;
  const lists: { slug: string; options: unknown }[] = [];
  let all: NewsArticle[];

  beforeEach(async () => {
    lists.length = 0;
    all = Array.from({ length: 12 }, (_, i) => article(i + 1));
    const news: Partial<NewsApi> = {
      list: (slug, options = {}) => {
        lists.push({ slug, options });
        const size = options.pageSize ?? 10;
        return of({ items: all.slice(0, size), total: all.length, page: 1, pageSize: size });
      },
      get: (_slug, id) => of(id === 'n1' ? article(1, { cover: { url: '/api/v1/communes/cotonou/news/n1/cover?v=1', mediaType: 'image/jpeg', width: 800, height: 600, alt: 'Le chantier' } }) : article(2)),
      coverUrl: (a) => (a.cover ? `/root${a.cover.url}` : null),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'communes/:slug', children: communeRoutes }]),
        provideCommunesI18nTesting({ portal: { fr, en } }),
        { provide: CommunesApi, useValue: { get: () => of(cotonou) } },
        { provide: TransparencyApi, useValue: { agenda: () => of([]), documents: () => of([]), budgets: () => of([]) } },
        { provide: NewsApi, useValue: news },
        { provide: EVENT_SOURCE_FACTORY, useValue: null },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  const page = () => harness.routeNativeElement as HTMLElement;

  it('shows the latest three on the overview, linking to each and to all the news', async () => {
    await harness.navigateByUrl('/communes/cotonou');
    const block = page().querySelector('section[aria-labelledby="actualites-titre"]')!;
    expect(plain(block.querySelector('h2')?.textContent)).toBe('Dernières actualités');
    expect(lists).toContainEqual({ slug: 'cotonou', options: { pageSize: 3 } });
    const links = Array.from(block.querySelectorAll('li a'), (a) => [plain(a.textContent), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Actualité 1', '/communes/cotonou/actualites/n1'],
      ['Actualité 2', '/communes/cotonou/actualites/n2'],
      ['Actualité 3', '/communes/cotonou/actualites/n3'],
    ]);
    expect(block.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-19T09:00:00Z');
    expect(block.querySelector('p:last-child a')?.getAttribute('href')).toBe('/communes/cotonou/actualites');
    expect(Array.from(page().querySelectorAll('nav.tabs a'), (a) => plain(a.textContent))).toContain('Actualités');
  });

  it('lists the news ten at a time, with a button for more', async () => {
    await harness.navigateByUrl('/communes/cotonou/actualites');
    expect(plain(page().querySelector('h2')?.textContent)).toBe('Actualités');
    expect(page().querySelectorAll('ul.items > li')).toHaveLength(10);
    const more = page().querySelector<HTMLButtonElement>('button')!;
    expect(plain(more.textContent)).toBe('Voir plus (10 sur 12)');
    more.click();
    await harness.fixture.whenStable();
    expect(page().querySelectorAll('ul.items > li')).toHaveLength(12);
    expect(page().querySelector('button')).toBeNull();
  });

  it('shows an article with its date, cover (described) and paragraphs', async () => {
    await harness.navigateByUrl('/communes/cotonou/actualites/n1');
    expect(plain(page().querySelector('h2')?.textContent)).toBe('Actualité 1');
    expect(plain(page().querySelector('.item__date')?.textContent)).toMatch(/^Publiée le 19/);
    const cover = page().querySelector('img.news-cover')!;
    expect(cover.getAttribute('src')).toBe('/root/api/v1/communes/cotonou/news/n1/cover?v=1');
    expect(cover.getAttribute('alt')).toBe('Le chantier');
    expect(cover.getAttribute('width')).toBe('800');
    expect(Array.from(page().querySelectorAll('.prose p'), (p) => p.textContent)).toEqual(['Premier paragraphe.', 'Deuxième paragraphe.']);
    expect(page().querySelector('a.back')?.getAttribute('href')).toBe('/communes/cotonou/actualites');
  });

  it('says so when the commune has no news yet', async () => {
    all = [];
    await harness.navigateByUrl('/communes/cotonou/actualites');
    expect(page().textContent).toContain("La commune n'a pas encore publié d'actualité.");
    await harness.navigateByUrl('/communes/cotonou');
    expect(page().querySelector('section[aria-labelledby="actualites-titre"]')).toBeNull();
  });
});
