import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, MatrixRole, MATRIX_ROLES, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Budgets in the isolation matrix: drafts and import previews stay with commune A's staff. */
const A = COMMUNE_A;
const budgets = `/api/v1/communes/${A}/budgets`;
const CSV = Buffer.from('Section;Sens;Code;Libellé;Montant\nFonctionnement;Recette;7141;Taxe foncière unique;450 000 000\nInvestissement;Dépense;2313;Construction de modules de classes;180 000 000\n');

// Each target gets a fiscal year of its own, so that no two fixtures share a (year, stage).
let nextYear = 1990;
const freshYear = () => nextYear++;

/** A budget of commune A written directly (drafts first: lines only go into a draft), with a draft source document. */
async function newBudget(ctx: TestContext, state: 'draft' | 'published' | 'superseded', fiscalYear = freshYear()): Promise<string> {
  const communeId = await ctx.communeId(A);
  const source = await ctx.newDocument(A);
  const inserted = await ctx.sql.query<{ id: string }>(
    `insert into budgets (commune_id, fiscal_year, stage, source_document_id) values ($1, $2, 'primitif', $3) returning id`,
    [communeId, fiscalYear, source.id],
  );
  const id = inserted.rows[0].id;
  await ctx.sql.query(
    `insert into budget_lines (commune_id, budget_id, line_number, section, direction, code, label, amount) values
       ($1, $2, 2, 'fonctionnement', 'recette', '7141', 'Taxe foncière unique', 450000000),
       ($1, $2, 3, 'investissement', 'depense', '2313', 'Construction de modules de classes', 180000000)`,
    [communeId, id],
  );
  await ctx.sql.query(`update budgets set line_count = 2, fonctionnement_recette = 450000000, investissement_depense = 180000000 where id = $1`, [id]);
  if (state === 'draft') return id;
  await ctx.sql.query(`update budgets set state = 'published', published_at = now() where id = $1`, [id]);
  if (state === 'superseded') {
    const replacement = await newBudget(ctx, 'draft', fiscalYear);
    await ctx.sql.query(`update budgets set state = 'superseded', superseded_at = now(), superseded_by = $2 where id = $1`, [id, replacement]);
    await ctx.sql.query(`update budgets set state = 'published', published_at = now() where id = $1`, [replacement]);
  }
  return id;
}

/** A clean import preview of commune A, as the preview endpoint stores it. */
async function newImport(ctx: TestContext): Promise<string> {
  const communeId = await ctx.communeId(A);
  const source = await ctx.newDocument(A);
  const lines = [
    [2, 'fonctionnement', 'recette', '7141', 'Taxe foncière unique', '450000000'],
    [3, 'investissement', 'depense', '2313', 'Construction de modules de classes', '180000000'],
  ];
  const inserted = await ctx.sql.query<{ id: string }>(
    `insert into budget_imports (commune_id, fiscal_year, stage, source_document_id, source_version_id, file_name, format,
                                 total_lines, valid_lines, error_count, lines)
     values ($1, $2, 'primitif', $3, $4, 'budget.csv', 'csv', 2, 2, 0, $5::jsonb) returning id`,
    [communeId, freshYear(), source.id, source.versionId, JSON.stringify(lines)],
  );
  return inserted.rows[0].id;
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/budgets', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: budgets }) },
  { name: 'GET …/budgets/datapackage.json', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: `${budgets}/datapackage.json` }) },
  { name: 'GET …/budgets/budgets.csv', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: `${budgets}/budgets.csv?excel=1` }) },
  {
    name: 'GET …/budgets/:id (published)',
    allowed: 'everyone',
    prepare: async (ctx) => ({ method: 'GET', url: `${budgets}/${await newBudget(ctx, 'published')}` }),
  },
  {
    name: 'GET …/budgets/:id (superseded)',
    allowed: 'everyone',
    prepare: async (ctx) => ({ method: 'GET', url: `${budgets}/${await newBudget(ctx, 'superseded')}` }),
  },
  {
    name: 'GET …/budgets/:id (draft)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: `${budgets}/${await newBudget(ctx, 'draft')}` }),
  },
  {
    name: 'POST …/budgets/imports (upload)',
    allowed: WRITERS_A,
    prepare: async () => ({ method: 'POST', url: `${budgets}/imports?fiscalYear=${freshYear()}&stage=primitif`, upload: { fileName: 'budget.csv', bytes: CSV } }),
  },
  {
    name: 'POST …/budgets/imports/:importId/commit',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${budgets}/imports/${await newImport(ctx)}/commit` }),
  },
  {
    name: 'POST …/budgets/:id/publish',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${budgets}/${await newBudget(ctx, 'draft')}/publish` }),
  },
];

/** TestContext.fingerprint() does not cover the budget tables: the same check, for them. */
async function budgetFingerprint(ctx: TestContext): Promise<string[]> {
  const digests: string[] = [];
  for (const table of ['budgets', 'budget_lines', 'budget_imports']) {
    const row = await ctx.sql.query<{ digest: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`);
    digests.push(row.rows[0].digest);
  }
  return digests;
}

describeIsolationMatrix('budgets', ENDPOINTS, (matrix) => {
  const writes = ENDPOINTS.filter((endpoint) => endpoint.name.startsWith('POST'));
  const refused = MATRIX_ROLES.filter((role: MatrixRole) => !WRITERS_A.includes(role));

  it.each(writes.map((endpoint) => [endpoint.name, endpoint] as const))('%s leaves the budget tables untouched for every other role', async (_name, endpoint) => {
    const ctx = matrix.ctx();
    for (const role of refused) {
      const call = await endpoint.prepare(ctx);
      const before = await budgetFingerprint(ctx);
      const token = matrix.token(role);
      const response = call.upload ? await ctx.upload({ url: call.url, token, ...call.upload }) : await ctx.request({ method: call.method, url: call.url, token });
      expect({ role, refused: role === 'anonymous' ? response.status === 401 : [403, 404].includes(response.status) }).toEqual({ role, refused: true });
      expect({ role, tables: await budgetFingerprint(ctx) }).toEqual({ role, tables: before });
    }
  });

  it('never shows a draft in the public list or the open data', async () => {
    const ctx = matrix.ctx();
    const draft = await newBudget(ctx, 'draft');
    for (const role of ['anonymous', 'citizen', 'adminB', 'ancb', 'ministry'] as const) {
      const list = await ctx.request<{ id: string; state: string }[]>({ method: 'GET', url: budgets, token: matrix.token(role) });
      expect({ role, drafts: list.body.filter((budget) => budget.state === 'draft' || budget.id === draft) }).toEqual({ role, drafts: [] });
    }
    const staff = await ctx.request<{ id: string }[]>({ method: 'GET', url: budgets, token: matrix.token('moderatorA') });
    expect(staff.body.map((budget) => budget.id)).toContain(draft);
    const csv = await ctx.request({ method: 'GET', url: `${budgets}/budgets.csv`, token: matrix.token('adminA') });
    const years = await ctx.sql.query<{ fiscal_year: number }>(`select fiscal_year from budgets where id = $1`, [draft]);
    expect(csv.text).not.toContain(`,${years.rows[0].fiscal_year},`);
  });
});
