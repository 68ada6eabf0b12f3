import { seedDemoModeration, seedDemoParticipation, seedDemoSessions } from '@communes/api-demo';
import { TestContext } from '@communes/api-testing';

describe('demo moderation content', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it("fills each pilot's moderation queue with a few residents' reports, once", async () => {
    await seedDemoParticipation(ctx.db.ownerUrl);
    await seedDemoSessions(ctx.db.ownerUrl);
    const added = await seedDemoModeration(ctx.db.ownerUrl);
    expect(added).toBeGreaterThanOrEqual(9);
    expect(await seedDemoModeration(ctx.db.ownerUrl)).toBe(0);

    const moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    const open = await ctx.request<{ total: number; items: { kind: string; exists: boolean; openReportCount: number }[] }>({ method: 'GET', url: '/api/v1/communes/cotonou/moderation/queue', token: moderator });
    expect(open.status).toBe(200);
    expect(open.body.total).toBeGreaterThanOrEqual(1);
    expect(open.body.items.every((item) => item.exists && item.openReportCount > 0)).toBe(true);
    const handled = await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/communes/cotonou/moderation/queue?state=handled', token: moderator });
    expect(handled.body.total).toBe(1);
  });
});
