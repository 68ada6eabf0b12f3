import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Consultations in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/consultations`;
const EVERY_ACCOUNT_BUT_THE_MINISTRY = ['citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb'] as const;
const QUESTIONS = [{ id: 'q1', text: 'Faut-il un marché de nuit ?', multiple: false, options: [{ id: 'o1', label: 'Oui' }, { id: 'o2', label: 'Non' }] }];

/** A consultation of commune A: a draft, open (published, between its dates) or closed. */
async function newConsultation(ctx: TestContext, phase: 'draft' | 'open' | 'closed', resultsVisibility: 'live' | 'after_close' = 'after_close'): Promise<string> {
  const closes = phase === 'closed' ? `now() - interval '1 hour'` : `now() + interval '7 days'`;
  const result = await ctx.sql.query<{ id: string }>(
    `insert into consultations (commune_id, title, questions, opens_at, closes_at, results_visibility, state, published_at)
     select id, 'Marché de nuit à Cadjèhoun', $2::jsonb, now() - interval '2 days', ${closes}, $3::consultation_results_visibility,
            $4::consultation_state, case when $4 = 'published' then now() end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, JSON.stringify(QUESTIONS), resultsVisibility, phase === 'draft' ? 'draft' : 'published'],
  );
  const id = result.rows[0].id;
  if (phase !== 'draft') {
    await ctx.sql.query(
      `insert into consultation_tallies (commune_id, consultation_id, question_id, option_id)
       select commune_id, id, q, o from consultations, unnest(array['', 'q1', 'q1'], array['', 'o1', 'o2']) as t(q, o) where id = $1`,
      [id],
    );
  }
  return id;
}

const body = { title: 'Budget participatif 2026', questions: [{ text: 'Quel projet ?', options: [{ label: 'Marché' }, { label: 'Éclairage' }] }], opensAt: '2030-03-01T08:00:00+01:00', closesAt: '2030-03-31T18:00:00+01:00' };

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/consultations', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/consultations/:id (open)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newConsultation(ctx, 'open')}` }) },
  { name: 'GET /communes/:slug/consultations/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newConsultation(ctx, 'draft')}` }) },
  { name: 'GET /communes/:slug/consultations/:id/results (closed)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newConsultation(ctx, 'closed')}/results` }) },
  { name: 'GET /communes/:slug/consultations/:id/results.csv (closed)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newConsultation(ctx, 'closed')}/results.csv` }) },
  { name: 'GET /communes/:slug/consultations/:id/results.csv (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newConsultation(ctx, 'draft')}/results.csv` }) },
  { name: 'POST /communes/:slug/consultations', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body }) },
  { name: 'PATCH /communes/:slug/consultations/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PATCH', url: `${base}/${await newConsultation(ctx, 'draft')}`, body }) },
  { name: 'POST /communes/:slug/consultations/:id/publish', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newConsultation(ctx, 'draft')}/publish` }) },
  { name: 'POST /communes/:slug/consultations/:id/close', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newConsultation(ctx, 'open')}/close` }) },
  { name: 'DELETE /communes/:slug/consultations/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: `${base}/${await newConsultation(ctx, 'draft')}` }) },
  { name: 'POST /communes/:slug/consultations/:id/responses (open)', allowed: EVERY_ACCOUNT_BUT_THE_MINISTRY, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newConsultation(ctx, 'open')}/responses`, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } }) },
  { name: 'POST /communes/:slug/consultations/:id/responses (draft)', allowed: [], prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newConsultation(ctx, 'draft')}/responses`, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } }) },
];

describeIsolationMatrix('consultations', ENDPOINTS);
