import { seedDemoNews } from '@communes/api-demo';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

describe('demo news', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('publishes two articles per pilot, once, visible on the commune pages and in the search', async () => {
    expect(await seedDemoNews(ctx.db.ownerUrl)).toBe(6);
    expect(await seedDemoNews(ctx.db.ownerUrl)).toBe(0);
    const cotonou = await ctx.request<{ total: number; items: { title: string }[] }>({ method: 'GET', url: '/api/v1/communes/cotonou/news' });
    expect(cotonou.body.items.map((item) => item.title)).toEqual(['Campagne de curage des caniveaux avant la saison des pluies', 'Le budget primitif de Cotonou est en ligne']);
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?kind=news' })).body.total).toBe(6);
  });
});
