import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, MatrixRole, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Good practices in the isolation matrix: commune A's practices in every status × every caller × every action. */
const base = `/api/v1/communes/${COMMUNE_A}/good-practices`;
const ANCB = ['ancb'] as const;
/** Who reads a practice ANCB has seen (submitted, sent back…): the commune's staff and ANCB. */
const STAFF_A_AND_ANCB: readonly MatrixRole[] = [...STAFF_A, 'ancb'];

type Status = 'draft' | 'submitted' | 'changes_requested' | 'published' | 'rejected' | 'unpublished';

const COMPLETE = {
  summary: 'Les habitants de chaque arrondissement choisissent une partie des investissements.',
  body: 'Chaque année, la mairie réserve une enveloppe aux projets proposés par les habitants. Des assemblées se tiennent dans chaque arrondissement, puis un vote public désigne les projets retenus.',
  results: 'Trente projets financés en deux ans, participation en hausse de 40 %.',
  contactRole: 'Service de la planification',
};

async function newPractice(ctx: TestContext, status: Status): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into good_practices (commune_id, title, theme, summary, body, results, contact_role, status, submitted_at, published_at)
     select id, 'Budget participatif par arrondissement', 'participation_citoyenne', $3, $4, $5, $6, $2,
            case when $2 <> 'draft' then now() end, case when $2 = 'published' then now() end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, status, COMPLETE.summary, COMPLETE.body, COMPLETE.results, COMPLETE.contactRole],
  );
  return result.rows[0].id;
}

const at = async (ctx: TestContext, status: Status, suffix = '') => `${base}/${await newPractice(ctx, status)}${suffix}`;
const reason = { comment: 'Précisez les résultats chiffrés.' };

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /good-practices (national library)', allowed: 'everyone', prepare: async (ctx) => { await newPractice(ctx, 'published'); return { method: 'GET', url: '/api/v1/good-practices?q=budget' }; } },
  { name: 'GET /good-practices/:id (published)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `/api/v1/good-practices/${await newPractice(ctx, 'published')}` }) },
  { name: 'GET /good-practices/:id (submitted)', allowed: [], anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `/api/v1/good-practices/${await newPractice(ctx, 'submitted')}` }) },
  { name: 'GET /good-practices/review-queue', allowed: ANCB, prepare: async (ctx) => { await newPractice(ctx, 'submitted'); return { method: 'GET', url: '/api/v1/good-practices/review-queue' }; } },
  { name: 'GET /communes/:slug/good-practices', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/good-practices/:id (published)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: await at(ctx, 'published') }) },
  { name: 'GET /communes/:slug/good-practices/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: await at(ctx, 'draft') }) },
  { name: 'GET /communes/:slug/good-practices/:id (submitted)', allowed: STAFF_A_AND_ANCB, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: await at(ctx, 'submitted') }) },
  { name: 'GET /communes/:slug/good-practices/:id (changes requested)', allowed: STAFF_A_AND_ANCB, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: await at(ctx, 'changes_requested') }) },
  { name: 'GET /communes/:slug/good-practices/:id (rejected)', allowed: STAFF_A_AND_ANCB, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: await at(ctx, 'rejected') }) },
  { name: 'POST /communes/:slug/good-practices', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body: { title: 'Guichet unique de l’état civil', theme: 'etat_civil' } }) },
  { name: 'PUT /communes/:slug/good-practices/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PUT', url: await at(ctx, 'draft'), body: { title: 'Budget participatif revu', theme: 'participation_citoyenne' } }) },
  { name: 'PUT /communes/:slug/good-practices/:id (changes requested)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PUT', url: await at(ctx, 'changes_requested'), body: { title: 'Budget participatif revu', theme: 'participation_citoyenne' } }) },
  { name: 'DELETE /communes/:slug/good-practices/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: await at(ctx, 'draft') }) },
  { name: 'POST /communes/:slug/good-practices/:id/submit (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'draft', '/submit'), body: {} }) },
  { name: 'POST /communes/:slug/good-practices/:id/submit (changes requested)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'changes_requested', '/submit'), body: { comment: 'Résultats chiffrés ajoutés.' } }) },
  { name: 'POST /communes/:slug/good-practices/:id/publish', allowed: ANCB, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'submitted', '/publish'), body: {} }) },
  { name: 'POST /communes/:slug/good-practices/:id/publish (draft)', allowed: [], prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'draft', '/publish'), body: {} }) },
  { name: 'POST /communes/:slug/good-practices/:id/request-changes', allowed: ANCB, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'submitted', '/request-changes'), body: reason }) },
  { name: 'POST /communes/:slug/good-practices/:id/reject', allowed: ANCB, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'submitted', '/reject'), body: reason }) },
  { name: 'POST /communes/:slug/good-practices/:id/unpublish', allowed: ANCB, prepare: async (ctx) => ({ method: 'POST', url: await at(ctx, 'published', '/unpublish'), body: reason }) },
];

describeIsolationMatrix('good practices', ENDPOINTS, (matrix) => {
  it("a foreign commune's admin and a citizen list only the published practices of A; A's staff list them all; ANCB never sees a draft", async () => {
    const ctx = matrix.ctx();
    const draft = await newPractice(ctx, 'draft');
    const submitted = await newPractice(ctx, 'submitted');
    const published = await newPractice(ctx, 'published');
    const idsFor = async (role: MatrixRole) => (await ctx.request<{ id: string }[]>({ method: 'GET', url: base, token: matrix.token(role) })).body.map((p) => p.id);
    for (const role of ['anonymous', 'citizen', 'adminB', 'ministry'] as const) {
      const ids = await idsFor(role);
      expect({ role, draft: ids.includes(draft), submitted: ids.includes(submitted), published: ids.includes(published) }).toEqual({ role, draft: false, submitted: false, published: true });
    }
    for (const role of STAFF_A) expect((await idsFor(role)).filter((id) => [draft, submitted, published].includes(id)).sort()).toEqual([draft, submitted, published].sort());
    const ancb = await idsFor('ancb');
    expect({ draft: ancb.includes(draft), submitted: ancb.includes(submitted) }).toEqual({ draft: false, submitted: true });
    const queue = (await ctx.request<{ id: string }[]>({ method: 'GET', url: '/api/v1/good-practices/review-queue?status=submitted', token: matrix.token('ancb') })).body.map((p) => p.id);
    expect(queue).toContain(submitted);
    expect(queue).not.toContain(draft);
  });
});
