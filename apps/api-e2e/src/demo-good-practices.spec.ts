import { seedDemoAccounts } from '@communes/api-database';
import { seedDemoGoodPractices } from '@communes/api-demo';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

describe('demo good practices', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
    await seedDemoAccounts(ctx.db.ownerUrl, 'communes-demo');
  });
  afterAll(() => ctx.close());

  it('seeds two published practices and one waiting for ANCB, once, visible in the library, the search and the queue', async () => {
    expect(await seedDemoGoodPractices(ctx.db.ownerUrl)).toBe(3);
    expect(await seedDemoGoodPractices(ctx.db.ownerUrl)).toBe(0);

    const library = await ctx.request<{ total: number; items: { communeSlug: string }[] }>({ method: 'GET', url: '/api/v1/good-practices' });
    expect(library.body.items.map((p) => p.communeSlug).sort()).toEqual(['abomey-calavi', 'cotonou']);

    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?kind=good_practice' })).body.total).toBe(2);

    const ancb = await ctx.request<{ accessToken: string }>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: 'ancb@demo.communes.bj', password: 'communes-demo' } });
    const queue = await ctx.request<{ communeSlug: string }[]>({ method: 'GET', url: '/api/v1/good-practices/review-queue', token: ancb.body.accessToken });
    expect(queue.body.map((p) => p.communeSlug)).toEqual(['akpro-misserete']);

    const admin = await ctx.request<{ accessToken: string }>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: 'admin@cotonou.demo.communes.bj', password: 'communes-demo' } });
    const mine = await ctx.request<{ id: string }[]>({ method: 'GET', url: '/api/v1/communes/cotonou/good-practices', token: admin.body.accessToken });
    const detail = await ctx.request<{ reviews: { action: string }[] }>({ method: 'GET', url: `/api/v1/communes/cotonou/good-practices/${mine.body[0].id}`, token: admin.body.accessToken });
    expect(detail.body.reviews.map((r) => r.action)).toEqual(['submitted', 'published']);
  });
});
