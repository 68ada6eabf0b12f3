import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthSession } from '@communes/web-auth';
import type { NewsArticle } from '@communes/web-data-access';
import { provideCommunesI18nTesting } from '@communes/web-ui';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import newsEn from '../i18n/news.en.json';
import newsFr from '../i18n/news.fr.json';
import { NewsPage, validateNews } from './news-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const base = '/api/v1/communes/cotonou/news';
const article = (id: string, state: NewsArticle['state'], title = `Article ${id}`): NewsArticle => ({
  id,
  communeId: 'c1',
  title,
  summary: null,
  body: 'Texte.',
  state,
  publishedAt: state === 'draft' ? null : '2026-11-20T09:00:00Z',
  withdrawnAt: null,
  withdrawalReason: null,
  cover: null,
  createdAt: '2026-11-20T08:00:00Z',
  updatedAt: '2026-11-20T08:00:00Z',
});

async function open(items: NewsArticle[], role: 'editor' | 'moderator' = 'editor') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'console/:slug/actualites', component: NewsPage }]),
      provideCommunesI18nTesting({ console: { fr: { ...fr, ...newsFr }, en: { ...en, ...newsEn } } }),
    ],
  });
  jest.spyOn(TestBed.inject(AuthSession), 'memberships').mockReturnValue([{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role }]);
  const harness = await RouterTestingHarness.create('/console/cotonou/actualites');
  const http = TestBed.inject(HttpTestingController);
  await settle();
  http.expectOne((request) => request.url === base && request.params.get('pageSize') === '50').flush({ items, total: items.length, page: 1, pageSize: 50 });
  await settle();
  await harness.fixture.whenStable();
  return { harness, http, page: harness.routeNativeElement as HTMLElement };
}

function type(page: HTMLElement, selector: string, value: string): void {
  const field = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

describe('NewsPage (console)', () => {
  it('checks the limits before sending', () => {
    expect(validateNews({ title: 'ab', summary: '', body: 'x' })).toEqual({ title: 'console.news.errors.title' });
    expect(validateNews({ title: 'Un titre', summary: 'x'.repeat(301), body: '  ' })).toEqual({ summary: 'console.news.errors.summary', body: 'console.news.errors.body' });
    expect(validateNews({ title: 'Un titre', summary: '', body: 'Texte' })).toEqual({});
  });

  it('lists the articles with their state and the actions each allows', async () => {
    const { page } = await open([article('a', 'draft', 'Brouillon A'), article('b', 'published'), { ...article('c', 'withdrawn'), withdrawalReason: 'Erreur' }]);
    const cards = [...page.querySelectorAll('.news-list > li')];
    expect(cards.map((card) => card.querySelector('.status')?.textContent?.trim())).toEqual(['Brouillon', 'Publié', 'Retiré']);
    expect([...cards[0].querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Modifier « Brouillon A »', 'Publier « Brouillon A »']);
    expect(cards[1].querySelector('a')?.getAttribute('href')).toBe('/communes/cotonou/actualites/b');
    expect(cards[2].querySelectorAll('button')).toHaveLength(0);
    expect(cards[2].textContent).toContain('Retiré : Erreur');
  });

  it('offers moderators the list only, read-only', async () => {
    const { page } = await open([article('a', 'draft'), article('b', 'published')], 'moderator');
    expect(page.querySelector('form')).toBeNull();
    expect(page.textContent).toContain('vous pouvez les lire ici');
    expect(page.querySelectorAll('.news-list button')).toHaveLength(0);
    expect(page.querySelectorAll('.news-list a')).toHaveLength(1);
  });

  it('ties errors to their fields, then saves a draft and reloads the list', async () => {
    const { harness, http, page } = await open([]);
    expect(page.textContent).toContain('Aucun article pour le moment.');
    type(page, '#news-title', 'ab');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    const title = page.querySelector('#news-title')!;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toBe('news-title-error');
    expect(page.querySelector('#news-title-error')?.textContent).toBe('Le titre doit faire de 3 à 200 caractères.');
    expect(document.activeElement).toBe(title);
    http.expectNone(base);

    type(page, '#news-title', '  Journée de salubrité  ');
    type(page, '#news-body', 'Samedi, tous les quartiers nettoient les caniveaux.');
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const create = http.expectOne({ method: 'POST', url: base });
    expect(create.request.body).toEqual({ title: 'Journée de salubrité', summary: null, body: 'Samedi, tous les quartiers nettoient les caniveaux.' });
    create.flush(article('n', 'draft', 'Journée de salubrité'));
    await settle();
    TestBed.tick();
    await settle();
    http.expectOne((request) => request.url === base && request.method === 'GET').flush({ items: [article('n', 'draft', 'Journée de salubrité')], total: 1, page: 1, pageSize: 50 });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('[role=status]')?.textContent).toContain('Article enregistré.');
    expect(page.querySelectorAll('.news-list > li')).toHaveLength(1);
  });

  it("shows the current cover while editing and removes it with « Retirer l'image » once confirmed", async () => {
    const cover = { url: `${base}/a/cover?v=1`, mediaType: 'image/jpeg', width: 400, height: 200, alt: 'Le marché Dantokpa' };
    const withCover = { ...article('a', 'published', 'Curage des caniveaux'), cover } as NewsArticle;
    const { harness, http, page } = await open([withCover, article('b', 'draft')]);
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:cover-1'), revokeObjectURL: jest.fn() });
    page.querySelectorAll('.news-list > li')[0].querySelector('button')!.dispatchEvent(new Event('click'));
    await settle();
    TestBed.tick();
    await settle();
    // Fetched by the app (with the staff's credentials: a draft's cover is not public), shown from a blob: URL.
    http.expectOne({ method: 'GET', url: `${base}/a/cover?v=1` }).flush(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }));
    await settle();
    await harness.fixture.whenStable();
    const image = page.querySelector<HTMLImageElement>('.current-cover img')!;
    expect(image.getAttribute('src')).toBe('blob:cover-1');
    expect(image.getAttribute('alt')).toBe('Le marché Dantokpa');
    expect(page.querySelector('label[for=news-cover]')?.textContent?.trim()).toBe("Remplacer l'image de couverture (facultatif)");
    const remove = page.querySelector<HTMLButtonElement>('#news-remove-cover')!;
    expect(remove.textContent?.trim()).toBe("Retirer l'image");

    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    remove.click();
    expect(confirm).toHaveBeenCalledWith("Retirer l'image de couverture de « Curage des caniveaux » ? Le fichier sera supprimé ; l'article reste tel quel.");
    http.expectNone({ method: 'DELETE' });

    confirm.mockReturnValue(true);
    remove.click();
    await settle();
    http.expectOne({ method: 'DELETE', url: `${base}/a/cover` }).flush({ ...withCover, cover: null });
    await settle();
    TestBed.tick();
    await settle();
    http.expectOne((request) => request.url === base && request.method === 'GET').flush({ items: [{ ...withCover, cover: null }], total: 1, page: 1, pageSize: 50 });
    await settle();
    await harness.fixture.whenStable();
    expect(page.querySelector('.current-cover')).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:cover-1');
    expect(page.querySelector('[role=status]')?.textContent).toContain('Image retirée.');
    expect(page.querySelector('label[for=news-cover]')?.textContent?.trim()).toBe('Image de couverture (facultatif)');
    // Still editing the same article, its text untouched.
    expect(page.querySelector<HTMLInputElement>('#news-title')!.value).toBe('Curage des caniveaux');
    confirm.mockRestore();
  });

  it('publishes at a past date, and withdraws only with a reason', async () => {
    const { harness, http, page } = await open([article('a', 'draft'), article('b', 'published')]);
    const [draft, published] = [...page.querySelectorAll('.news-list > li')];
    draft.querySelectorAll('button')[1].dispatchEvent(new Event('click'));
    await harness.fixture.whenStable();
    const date = page.querySelector<HTMLInputElement>('#publish-date-a')!;
    date.value = '2026-11-02';
    page.querySelector<HTMLFormElement>('#publish-date-a')!.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const publish = http.expectOne({ method: 'POST', url: `${base}/a/publish` });
    expect(publish.request.body).toEqual({ publishedAt: '2026-11-02T12:00:00+01:00' });
    publish.flush(article('a', 'published'));
    await settle();
    TestBed.tick();
    await settle();
    http.expectOne((request) => request.url === base && request.method === 'GET').flush({ items: [article('a', 'published'), article('b', 'published')], total: 2, page: 1, pageSize: 50 });
    await settle();
    await harness.fixture.whenStable();

    [...published.querySelectorAll('button')].find((b) => b.textContent?.includes('Retirer'))!.dispatchEvent(new Event('click'));
    await harness.fixture.whenStable();
    const reasonForm = page.querySelector<HTMLInputElement>('#withdraw-reason-b')!.closest('form')!;
    reasonForm.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(page.querySelector('[role=alert]')?.textContent).toContain('Donnez la raison du retrait');
    http.expectNone(`${base}/b/withdraw`);
    page.querySelector<HTMLInputElement>('#withdraw-reason-b')!.value = 'Date erronée';
    reasonForm.dispatchEvent(new Event('submit'));
    await settle();
    const withdraw = http.expectOne({ method: 'POST', url: `${base}/b/withdraw` });
    expect(withdraw.request.body).toEqual({ reason: 'Date erronée' });
  });
});
