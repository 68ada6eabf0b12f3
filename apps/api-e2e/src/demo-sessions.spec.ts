import { seedDemoAccounts } from '@communes/api-database';
import { seedDemoSessions } from '@communes/api-demo';
import { TestContext } from '@communes/api-testing';

describe('demo sessions and debates', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
    // Questions and comments come from the demo citizen, official answers from the demo admins.
    await seedDemoAccounts(ctx.db.ownerUrl, 'communes-demo');
  });
  afterAll(() => ctx.close());

  it('seeds held and coming sessions and two debates for each pilot, once, readable through the API', async () => {
    expect(await seedDemoSessions(ctx.db.ownerUrl)).toBe(15);
    expect(await seedDemoSessions(ctx.db.ownerUrl)).toBe(0);

    const past = await ctx.request<{ kind: string; status: string; summary: string | null }[]>({ method: 'GET', url: '/api/v1/communes/cotonou/council-sessions?period=past' });
    expect(past.body.map((s) => [s.kind, s.status, s.summary !== null])).toEqual([
      ['accountability', 'ended', true],
      ['council', 'ended', true],
    ]);
    const upcoming = await ctx.request<{ id: string; streamKind: string; streamEmbedUrl: string }[]>({ method: 'GET', url: '/api/v1/communes/cotonou/council-sessions' });
    expect(upcoming.body).toEqual([expect.objectContaining({ streamKind: 'youtube', streamEmbedUrl: expect.stringMatching(/^https:\/\/www\.youtube-nocookie\.com\/embed\//) })]);
    const coming = await ctx.request<{ agenda: unknown[]; questions: unknown[]; lastEventId: string }>({ method: 'GET', url: `/api/v1/communes/cotonou/council-sessions/${upcoming.body[0].id}` });
    expect([coming.body.agenda.length, coming.body.questions.length]).toEqual([3, 1]);

    const commune = await ctx.request<{ sessions: { lastAccountabilitySessionAt: string | null } }>({ method: 'GET', url: '/api/v1/communes/cotonou' });
    expect(commune.body.sessions.lastAccountabilitySessionAt).not.toBeNull();

    const debates = await ctx.request<{ id: string; state: string; commentCount: number }[]>({ method: 'GET', url: '/api/v1/communes/cotonou/debates' });
    expect(debates.body.map((d) => [d.state, d.commentCount]).sort()).toEqual([
      ['closed', 2],
      ['open', 3],
    ]);
    const open = debates.body.find((d) => d.state === 'open');
    const comments = await ctx.request<{ isOfficial: boolean; parentId: string | null; authorName: string | null }[]>({ method: 'GET', url: `/api/v1/communes/cotonou/debates/${open?.id}/comments` });
    expect(comments.body.filter((c) => c.isOfficial)).toEqual([expect.objectContaining({ parentId: expect.any(String), authorName: expect.any(String) })]);
  });
});
