import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Council and accountability sessions in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/council-sessions`;
const EVERY_ACCOUNT_BUT_THE_MINISTRY = ['citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'] as const;

/** A session of commune A written directly, in the given status. */
async function newSession(ctx: TestContext, status: 'draft' | 'scheduled' | 'live' | 'ended' = 'scheduled'): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into council_sessions (commune_id, kind, session_type, title, starts_at, status, published_at, ended_at)
     select id, 'council', 'ordinary', 'Session ordinaire', now() + interval '2 days', $2::council_session_status,
            case when $2 <> 'draft' then now() end, case when $2 = 'ended' then now() end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, status],
  );
  return result.rows[0].id;
}

/** A question to a session of commune A, asked by an account outside the matrix (nobody's own). */
async function newQuestion(ctx: TestContext, hidden = false): Promise<{ sessionId: string; id: string }> {
  const sessionId = await newSession(ctx, 'live');
  const author = await ctx.newUser();
  const result = await ctx.sql.query<{ id: string }>(
    `insert into council_session_questions (commune_id, session_id, author_id, text, hidden_at, hidden_reason)
     select id, $2, $3, 'Quand le marché de Dantokpa sera-t-il réhabilité ?', case when $4 then now() end, case when $4 then 'Hors sujet' end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, sessionId, author.id, hidden],
  );
  return { sessionId, id: result.rows[0].id };
}

async function publishedDocument(ctx: TestContext): Promise<string> {
  return (await ctx.newDocument(COMMUNE_A, { state: 'published' })).id;
}

const sessionBody = { sessionType: 'ordinary', title: 'Deuxième session ordinaire', startsAt: '2026-06-12T09:00:00+01:00' };

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/council-sessions', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/council-sessions/summary', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: `${base}/summary` }) },
  { name: 'GET /communes/:slug/council-sessions/:id (scheduled)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newSession(ctx)}` }) },
  { name: 'GET /communes/:slug/council-sessions/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newSession(ctx, 'draft')}?since=0` }) },
  // A draft's stream is refused before any byte is streamed (the open stream itself is tested in council-sessions-live.spec.ts).
  { name: 'GET /communes/:slug/council-sessions/:id/events (draft)', allowed: [], anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newSession(ctx, 'draft')}/events` }) },
  { name: 'POST /communes/:slug/council-sessions', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body: sessionBody }) },
  { name: 'PATCH /communes/:slug/council-sessions/:id', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PATCH', url: `${base}/${await newSession(ctx)}`, body: sessionBody }) },
  { name: 'POST /communes/:slug/council-sessions/:id/publish', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newSession(ctx, 'draft')}/publish` }) },
  { name: 'POST /communes/:slug/council-sessions/:id/status', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newSession(ctx)}/status`, body: { status: 'live' } }) },
  { name: 'DELETE /communes/:slug/council-sessions/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: `${base}/${await newSession(ctx, 'draft')}` }) },
  {
    name: 'POST /communes/:slug/council-sessions/:id/documents',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newSession(ctx, 'ended')}/documents`, body: { role: 'minutes', documentId: await publishedDocument(ctx) } }),
  },
  {
    name: 'DELETE /communes/:slug/council-sessions/:id/documents/:documentId',
    allowed: WRITERS_A,
    prepare: async (ctx) => {
      const sessionId = await newSession(ctx, 'ended');
      const documentId = await publishedDocument(ctx);
      await ctx.sql.query(
        `insert into council_session_documents (commune_id, session_id, document_id, role) select id, $2, $3, 'media' from communes where slug = $1`,
        [COMMUNE_A, sessionId, documentId],
      );
      return { method: 'DELETE', url: `${base}/${sessionId}/documents/${documentId}?role=media` };
    },
  },
  { name: 'PUT /communes/:slug/council-sessions/:id/summary', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PUT', url: `${base}/${await newSession(ctx, 'ended')}/summary`, body: { summary: 'Budget adopté.' } }) },
  {
    name: 'POST /communes/:slug/council-sessions/:id/questions',
    allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY,
    prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newSession(ctx)}/questions`, body: { text: 'Quand la voie de Fidjrossè sera-t-elle pavée ?' } }),
  },
  {
    name: 'POST /communes/:slug/council-sessions/:id/questions/:questionId/answer',
    allowed: WRITERS_A,
    prepare: async (ctx) => {
      const q = await newQuestion(ctx);
      return { method: 'POST', url: `${base}/${q.sessionId}/questions/${q.id}/answer`, body: { answer: 'En mars.' } };
    },
  },
  {
    name: 'POST /communes/:slug/council-sessions/:id/questions/:questionId/hide',
    allowed: STAFF_A,
    prepare: async (ctx) => {
      const q = await newQuestion(ctx);
      return { method: 'POST', url: `${base}/${q.sessionId}/questions/${q.id}/hide`, body: { reason: 'Hors sujet' } };
    },
  },
];

describeIsolationMatrix('council sessions', ENDPOINTS, (matrix) => {
  it('a hidden question is read by the staff of A only (and its author), never by the public or other communes', async () => {
    const ctx = matrix.ctx();
    const q = await newQuestion(ctx, true);
    for (const role of ['anonymous', 'citizen', 'adminB', 'ancb', 'ministry', 'editorA', 'moderatorA', 'adminA'] as const) {
      const response = await ctx.request<{ questions: { id: string }[] }>({ method: 'GET', url: `${base}/${q.sessionId}`, token: matrix.token(role) });
      expect(response.status).toBe(200);
      const seen = response.body.questions.some((item) => item.id === q.id);
      expect({ role, seen }).toEqual({ role, seen: STAFF_A.includes(role) });
    }
  });
});
