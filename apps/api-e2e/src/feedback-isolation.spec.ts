import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Doléances and suggestions in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/feedback`;
const EVERY_ACCOUNT_BUT_THE_MINISTRY = ['citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'] as const;

/** Feedback of commune A sent by an account outside the matrix (nobody's own). */
async function newFeedback(ctx: TestContext, visibility: 'public' | 'private'): Promise<{ id: string; trackingNumber: string }> {
  const author = await ctx.newUser();
  const number = `COT-2026-${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const result = await ctx.sql.query<{ id: string }>(
    `insert into feedback (commune_id, tracking_number, kind, category, text, visibility, author_id)
     select id, $2, 'doleance', 'voirie', 'Nids-de-poule sur la route de l’aéroport.', $3::feedback_visibility, $4
     from communes where slug = $1 returning id`,
    [COMMUNE_A, number, visibility, author.id],
  );
  return { id: result.rows[0].id, trackingNumber: number };
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/feedback', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/feedback?assignee=none (queue filter)', allowed: STAFF_A, anonymousStatus: 401, prepare: async () => ({ method: 'GET', url: `${base}?assignee=none` }) },
  { name: 'GET /communes/:slug/feedback/:id (public)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${(await newFeedback(ctx, 'public')).id}` }) },
  { name: 'GET /communes/:slug/feedback/:id (private)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${(await newFeedback(ctx, 'private')).id}` }) },
  { name: 'GET /communes/:slug/feedback/by-number/:n (private)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/by-number/${(await newFeedback(ctx, 'private')).trackingNumber}` }) },
  { name: 'POST /communes/:slug/feedback', allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY, prepare: async () => ({ method: 'POST', url: base, body: { kind: 'suggestion', category: 'eau', text: 'Un forage de plus à Vossa serait utile.', visibility: 'private' } }) },
  { name: 'POST /communes/:slug/feedback/:id/support (public)', allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${(await newFeedback(ctx, 'public')).id}/support` }) },
  { name: 'POST /communes/:slug/feedback/:id/support (private: nobody)', allowed: [], prepare: async (ctx) => ({ method: 'POST', url: `${base}/${(await newFeedback(ctx, 'private')).id}/support` }) },
  { name: 'POST /communes/:slug/feedback/:id/assign', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${(await newFeedback(ctx, 'private')).id}/assign`, body: { assigneeId: null } }) },
  { name: 'POST /communes/:slug/feedback/:id/answer', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${(await newFeedback(ctx, 'private')).id}/answer`, body: { answer: 'Les travaux sont programmés.' } }) },
  { name: 'POST /communes/:slug/feedback/:id/status', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${(await newFeedback(ctx, 'public')).id}/status`, body: { status: 'in_progress' } }) },
];

describeIsolationMatrix('feedback', ENDPOINTS);
