import { seedDemoParticipation } from '@communes/api-demo';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

describe('demo participation content', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('seeds feedback and an open consultation for each pilot, once, readable through the API', async () => {
    expect(await seedDemoParticipation(ctx.db.ownerUrl)).toBe(21);
    expect(await seedDemoParticipation(ctx.db.ownerUrl)).toBe(0);

    const feedback = await ctx.request<{ total: number; items: { trackingNumber: string; visibility: string }[] }>({ method: 'GET', url: '/api/v1/communes/cotonou/feedback' });
    expect(feedback.body.total).toBe(5);
    expect(feedback.body.items.every((f) => /^COT-\d{4}-\d{6}$/.test(f.trackingNumber) && f.visibility === 'public')).toBe(true);
    const consultations = await ctx.request<{ phase: string; resultsAvailable: boolean }[]>({ method: 'GET', url: '/api/v1/communes/abomey-calavi/consultations' });
    expect(consultations.body).toEqual([expect.objectContaining({ phase: 'open', resultsAvailable: true })]);

    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=caniveau&kind=feedback' })).body.total).toBe(3);
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=budget%20participatif&kind=consultation' })).body.total).toBe(3);
  });
});
