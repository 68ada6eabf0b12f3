import { COMMUNE_A, COMMUNE_B, describeIsolationMatrix, MatrixEndpoint, MatrixRole, TestContext } from '@communes/api-testing';

/** Reports and moderation in the isolation matrix. */
const reports = `/api/v1/communes/${COMMUNE_A}/reports`;
const moderation = `/api/v1/communes/${COMMUNE_A}/moderation`;
/** Anyone reports, signed in or not; the ministry changes nothing. */
const REPORTERS: readonly MatrixRole[] = ['anonymous', 'citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'];
const MODERATORS_A: readonly MatrixRole[] = ['moderatorA', 'adminA'];

/** Feedback of a commune, sent by an account outside the matrix (nobody's own). */
async function newFeedback(ctx: TestContext, options: { visibility?: 'public' | 'private'; hidden?: boolean; commune?: string } = {}): Promise<string> {
  const author = await ctx.newUser();
  const number = `COT-2026-${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const result = await ctx.sql.query<{ id: string }>(
    `insert into feedback (commune_id, tracking_number, kind, category, text, visibility, author_id, hidden_at, hidden_reason)
     select id, $2, 'doleance', 'voirie', 'Nids-de-poule sur la route de l’aéroport.', $3::feedback_visibility, $4,
            case when $5 then now() end, case when $5 then 'Propos injurieux' end
     from communes where slug = $1 returning id`,
    [options.commune ?? COMMUNE_A, number, options.visibility ?? 'public', author.id, options.hidden ?? false],
  );
  return result.rows[0].id;
}

async function newComment(ctx: TestContext): Promise<string> {
  const author = await ctx.newUser();
  const result = await ctx.sql.query<{ id: string }>(
    `with topic as (
       insert into debate_topics (commune_id, title, body, state, opened_at)
       select id, 'Éclairage public à Fidjrossè', 'Où installer les prochains lampadaires solaires ?', 'open', now() from communes where slug = $1
       returning commune_id, id)
     insert into debate_comments (commune_id, topic_id, author_id, body) select commune_id, id, $2, 'Près du carrefour de la plage.' from topic returning id`,
    [COMMUNE_A, author.id],
  );
  return result.rows[0].id;
}

async function newQuestion(ctx: TestContext): Promise<string> {
  const author = await ctx.newUser();
  const result = await ctx.sql.query<{ id: string }>(
    `with session as (
       insert into council_sessions (commune_id, kind, session_type, title, starts_at, status, published_at)
       select id, 'council', 'ordinary', 'Session ordinaire', now() + interval '2 days', 'scheduled', now() from communes where slug = $1
       returning commune_id, id)
     insert into council_session_questions (commune_id, session_id, author_id, text)
     select commune_id, id, $2, 'Quand le marché de Dantokpa sera-t-il réhabilité ?' from session returning id`,
    [COMMUNE_A, author.id],
  );
  return result.rows[0].id;
}

/** Public feedback of A with one open report from an account outside the matrix. */
async function reportedFeedback(ctx: TestContext): Promise<string> {
  const id = await newFeedback(ctx);
  const reporter = await ctx.newUser();
  await ctx.sql.query(
    `insert into moderation_reports (commune_id, content_kind, content_id, reporter_id, reason) select id, 'feedback', $2, $3, 'spam' from communes where slug = $1`,
    [COMMUNE_A, id, reporter.id],
  );
  return id;
}

const report = (contentKind: string, contentId: string) => ({ method: 'POST' as const, url: reports, body: { contentKind, contentId, reason: 'abuse', details: 'Insulte un voisin.' } });

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'POST /communes/:slug/reports (public feedback)', allowed: REPORTERS, prepare: async (ctx) => report('feedback', await newFeedback(ctx)) },
  { name: 'POST /communes/:slug/reports (debate comment)', allowed: REPORTERS, prepare: async (ctx) => report('debate_comment', await newComment(ctx)) },
  { name: 'POST /communes/:slug/reports (session question)', allowed: REPORTERS, prepare: async (ctx) => report('session_question', await newQuestion(ctx)) },
  { name: 'POST /communes/:slug/reports (private feedback: nobody)', allowed: [], anonymousStatus: 404, prepare: async (ctx) => report('feedback', await newFeedback(ctx, { visibility: 'private' })) },
  { name: "POST /communes/:slug/reports (B's feedback through A: nobody)", allowed: [], anonymousStatus: 404, prepare: async (ctx) => report('feedback', await newFeedback(ctx, { commune: COMMUNE_B })) },
  { name: 'GET /communes/:slug/moderation/queue', allowed: MODERATORS_A, prepare: async (ctx) => { await reportedFeedback(ctx); return { method: 'GET', url: `${moderation}/queue?state=open&kind=feedback` }; } },
  { name: 'GET /communes/:slug/moderation/queue?state=hidden', allowed: MODERATORS_A, prepare: async () => ({ method: 'GET', url: `${moderation}/queue?state=hidden` }) },
  { name: 'POST /communes/:slug/moderation/feedback/:id/hide', allowed: MODERATORS_A, prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/feedback/${await reportedFeedback(ctx)}/hide`, body: { reason: 'Propos injurieux' } }) },
  { name: 'POST /communes/:slug/moderation/debate_comment/:id/hide', allowed: MODERATORS_A, prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/debate_comment/${await newComment(ctx)}/hide`, body: { reason: 'Propos injurieux' } }) },
  { name: 'POST /communes/:slug/moderation/session_question/:id/hide', allowed: MODERATORS_A, prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/session_question/${await newQuestion(ctx)}/hide`, body: { reason: 'Hors sujet' } }) },
  { name: 'POST /communes/:slug/moderation/feedback/:id/restore', allowed: MODERATORS_A, prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/feedback/${await newFeedback(ctx, { hidden: true })}/restore`, body: { reason: 'Erreur de modération' } }) },
  { name: 'POST /communes/:slug/moderation/feedback/:id/dismiss', allowed: MODERATORS_A, prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/feedback/${await reportedFeedback(ctx)}/dismiss`, body: { reason: 'Critique légitime' } }) },
  { name: "POST /communes/:slug/moderation/feedback/:id/hide (B's feedback through A: nobody)", allowed: [], prepare: async (ctx) => ({ method: 'POST', url: `${moderation}/feedback/${await newFeedback(ctx, { commune: COMMUNE_B })}/hide`, body: { reason: 'Propos injurieux' } }) },
];

describeIsolationMatrix('moderation', ENDPOINTS);
