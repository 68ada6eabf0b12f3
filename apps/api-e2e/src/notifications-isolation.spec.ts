import { Client } from 'pg';
import { UnsubscribeTokens, unsubscribeSecret } from '@communes/api-notifications';
import { AppConfig } from '@communes/api-core';
import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, TestContext } from '@communes/api-testing';

/**
 * Follows, preferences, unsubscribe links and failed emails in the isolation matrix. A follow
 * is the caller's own (every account but the ministry's); nobody else, staff of the commune
 * included, ever sees who follows; ANCB alone sees failed deliveries.
 */
const FOLLOWERS = ['citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'] as const;

/** A citizen of commune A's followers and a token of its unsubscribe link, written directly. */
async function followerLink(ctx: TestContext, scope: 'commune' | 'all'): Promise<string> {
  const user = await ctx.newUser();
  const communeId = await ctx.communeId(COMMUNE_A);
  await ctx.sql.query(`insert into commune_follows (commune_id, user_id) values ($1, $2)`, [communeId, user.id]);
  const tokens = new UnsubscribeTokens(unsubscribeSecret(ctx.app.get(AppConfig)));
  return `/api/v1/unsubscribe/${tokens.sign({ userId: user.id, communeId: scope === 'commune' ? communeId : null })}`;
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'POST /communes/:slug/follow', allowed: FOLLOWERS, prepare: async () => ({ method: 'POST', url: `/api/v1/communes/${COMMUNE_A}/follow` }) },
  { name: 'DELETE /communes/:slug/follow', allowed: FOLLOWERS, prepare: async () => ({ method: 'DELETE', url: `/api/v1/communes/${COMMUNE_A}/follow` }) },
  { name: 'GET /me/follows', allowed: 'signed-in', prepare: async () => ({ method: 'GET', url: '/api/v1/me/follows' }) },
  { name: 'GET /me/notification-preferences', allowed: 'signed-in', prepare: async () => ({ method: 'GET', url: '/api/v1/me/notification-preferences' }) },
  { name: 'PATCH /me/notification-preferences', allowed: 'signed-in', prepare: async () => ({ method: 'PATCH', url: '/api/v1/me/notification-preferences', body: { language: 'en' } }) },
  { name: 'GET /admin/notifications/failed', allowed: ['ancb'], prepare: async () => ({ method: 'GET', url: '/api/v1/admin/notifications/failed' }) },
  { name: 'GET /unsubscribe/:token', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: await followerLink(ctx, 'commune') }) },
  { name: 'POST /unsubscribe/:token (commune)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'POST', url: await followerLink(ctx, 'commune') }) },
  { name: 'POST /unsubscribe/:token (all)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'POST', url: await followerLink(ctx, 'all') }) },
];

describeIsolationMatrix('email notifications', ENDPOINTS, (matrix) => {
  it("a follow is its account's alone: another account's list, and the commune's staff, never show it", async () => {
    const ctx = matrix.ctx();
    const follower = await ctx.newUser();
    const followerToken = await ctx.tokenFor(follower);
    expect((await ctx.request({ method: 'POST', url: `/api/v1/communes/${COMMUNE_A}/follow`, token: followerToken })).status).toBe(200);
    for (const role of ['citizen', 'adminA', 'ancb'] as const) {
      const list = await ctx.request<{ communeSlug: string }[]>({ method: 'GET', url: '/api/v1/me/follows', token: matrix.token(role) });
      expect(JSON.stringify(list.body)).not.toContain(follower.id);
    }
    // The refused ministry changes nothing, even its own follows.
    const ministry = await ctx.request({ method: 'POST', url: `/api/v1/communes/${COMMUNE_A}/follow`, token: matrix.token('ministry') });
    expect(ministry.status).toBe(403);
    // Directly in the database, as the app role in the `self` scope of another account: nothing.
    const app = new Client({ connectionString: ctx.db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(`select set_config('app.user_id', gen_random_uuid()::text, true), set_config('app.scope', 'self', true)`);
      expect((await app.query(`select count(*)::int as n from commune_follows`)).rows[0].n).toBe(0);
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });
});
