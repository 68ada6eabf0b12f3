import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Debates in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/debates`;
const EVERY_ACCOUNT_BUT_THE_MINISTRY = ['citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'] as const;
const MODERATORS_A = ['moderatorA', 'adminA'] as const;

async function newTopic(ctx: TestContext, state: 'draft' | 'open'): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into debate_topics (commune_id, title, body, state, opened_at)
     select id, 'Éclairage public à Fidjrossè', 'Où installer les prochains lampadaires solaires ?', $2::debate_topic_state, case when $2 = 'open' then now() end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, state],
  );
  return result.rows[0].id;
}

/** A comment by an account outside the matrix, on a new topic. */
async function newComment(ctx: TestContext, options: { topicState?: 'draft' | 'open'; hidden?: boolean } = {}): Promise<{ topicId: string; commentId: string }> {
  const topicId = await newTopic(ctx, options.topicState ?? 'open');
  const author = await ctx.newUser();
  const result = await ctx.sql.query<{ id: string }>(
    `insert into debate_comments (commune_id, topic_id, author_id, body, hidden_at, hidden_reason)
     select commune_id, id, $2, 'Près du carrefour de la plage.', case when $3 then now() end, case when $3 then 'Hors sujet' end
     from debate_topics where id = $1 returning id`,
    [topicId, author.id, options.hidden ?? false],
  );
  return { topicId, commentId: result.rows[0].id };
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/debates', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/debates/:id (open)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newTopic(ctx, 'open')}` }) },
  { name: 'GET /communes/:slug/debates/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newTopic(ctx, 'draft')}` }) },
  { name: 'GET /communes/:slug/debates/:id/comments (draft topic)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${(await newComment(ctx, { topicState: 'draft' })).topicId}/comments` }) },
  { name: 'POST /communes/:slug/debates', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body: { title: 'Propreté des plages', body: 'Comment garder nos plages propres ?' } }) },
  { name: 'POST /communes/:slug/debates/:id/open', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newTopic(ctx, 'draft')}/open` }) },
  { name: 'POST /communes/:slug/debates/:id/close', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newTopic(ctx, 'open')}/close` }) },
  { name: 'POST /communes/:slug/debates/:id/comments (open)', allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newTopic(ctx, 'open')}/comments`, body: { body: 'Devant l’école primaire.' } }) },
  { name: 'PUT /communes/:slug/debates/:id/comments/:commentId/reaction', allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY, prepare: async (ctx) => { const c = await newComment(ctx); return { method: 'PUT', url: `${base}/${c.topicId}/comments/${c.commentId}/reaction`, body: { kind: 'agree' } }; } },
  { name: 'PUT /communes/:slug/debates/:id/comments/:commentId/reaction (hidden)', allowed: [], prepare: async (ctx) => { const c = await newComment(ctx, { hidden: true }); return { method: 'PUT', url: `${base}/${c.topicId}/comments/${c.commentId}/reaction`, body: { kind: 'agree' } }; } },
  { name: 'POST /communes/:slug/debates/:id/comments/:commentId/hide', allowed: MODERATORS_A, prepare: async (ctx) => { const c = await newComment(ctx); return { method: 'POST', url: `${base}/${c.topicId}/comments/${c.commentId}/hide`, body: { reason: 'Propos injurieux' } }; } },
  { name: 'POST /communes/:slug/debates/:id/comments/:commentId/restore', allowed: MODERATORS_A, prepare: async (ctx) => { const c = await newComment(ctx, { hidden: true }); return { method: 'POST', url: `${base}/${c.topicId}/comments/${c.commentId}/restore`, body: { reason: 'Erreur' } }; } },
];

describeIsolationMatrix('debates', ENDPOINTS);
