import { COMMUNE_A, describeIsolationMatrix, MATRIX_ROLES, MatrixEndpoint, MatrixRole, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** Contracts and their open data in the isolation matrix: drafts and imports stay with commune A's staff. */
const A = COMMUNE_A;
const contracts = `/api/v1/communes/${A}/contracts`;

/** A contract of commune A written directly (superuser, bypassing RLS), so that each call starts fresh. */
async function newContract(ctx: TestContext, state: 'draft' | 'published', awardeeName = 'Ets Agossou BTP'): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into contracts (commune_id, reference, object, procurement_method, category, awardee_name, awardee_identifier,
                            amount, award_date, state, published_at)
     values ($1, $2, 'Pavage de la rue du marché Dantokpa', 'open', 'works', $5, '3202112345678',
             185000000, '2025-02-10', $3, $4)
     returning id`,
    [await ctx.communeId(A), `N°${ctx.uniqueSuffix()}/MC/SG/PRMP`, state, state === 'published' ? new Date() : null, awardeeName],
  );
  return result.rows[0].id;
}

/** A previewed import of commune A without errors, with its source document. */
async function newImport(ctx: TestContext): Promise<string> {
  const source = await ctx.newDocument(A);
  const row = {
    line: 2,
    value: {
      reference: `N°${ctx.uniqueSuffix()}/MC/SG/PRMP`,
      object: 'Construction de trois modules de classes',
      procurementMethod: 'open',
      category: 'works',
      awardeeName: 'Entreprise Houénou & Fils SARL',
      awardeeIdentifier: null,
      amount: '45000000',
      awardDate: '2025-03-15',
      startDate: null,
      endDate: null,
      status: 'active',
      fundingSource: 'FADeC',
    },
  };
  const result = await ctx.sql.query<{ id: string }>(
    `insert into contract_imports (commune_id, source_document_id, file_name, total_lines, valid_lines, errors, rows)
     values ($1, $2, 'marches.csv', 1, 1, '[]'::jsonb, $3::jsonb) returning id`,
    [await ctx.communeId(A), source.id, JSON.stringify([row])],
  );
  return result.rows[0].id;
}

const CSV = Buffer.from(
  "Référence;Objet;Mode de passation;Catégorie;Attributaire;Montant;Date d'attribution\r\n" +
    "N°001/MC/SG/PRMP/2025;Fourniture de tables-bancs;Demande de cotation;Fournitures;Ets Dossou Mobilier;14 500 000;09/01/2025\r\n",
);

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/contracts', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: contracts }) },
  {
    name: 'GET /communes/:slug/contracts/:id (published)',
    allowed: 'everyone',
    prepare: async (ctx) => ({ method: 'GET', url: `${contracts}/${await newContract(ctx, 'published')}` }),
  },
  {
    name: 'GET /communes/:slug/contracts/:id (draft)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: `${contracts}/${await newContract(ctx, 'draft')}` }),
  },
  {
    name: 'POST /communes/:slug/contracts',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({
      method: 'POST',
      url: contracts,
      body: { reference: `N°${ctx.uniqueSuffix()}`, object: 'Curage des caniveaux', procurementMethod: 'direct', category: 'services', awardeeName: 'GIE Zéro Déchet', amount: '1200000', awardDate: '2025-05-02' },
    }),
  },
  {
    name: 'PATCH /communes/:slug/contracts/:id (draft)',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'PATCH', url: `${contracts}/${await newContract(ctx, 'draft')}`, body: { amount: '190000000' } }),
  },
  {
    name: 'PATCH /communes/:slug/contracts/:id (published: status)',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'PATCH', url: `${contracts}/${await newContract(ctx, 'published')}`, body: { status: 'terminated' } }),
  },
  {
    name: 'DELETE /communes/:slug/contracts/:id (draft)',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'DELETE', url: `${contracts}/${await newContract(ctx, 'draft')}` }),
  },
  {
    name: 'POST /communes/:slug/contracts/:id/publish',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${contracts}/${await newContract(ctx, 'draft')}/publish` }),
  },
  {
    name: 'POST /communes/:slug/contracts/publish',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${contracts}/publish`, body: { ids: [await newContract(ctx, 'draft'), await newContract(ctx, 'draft')] } }),
  },
  {
    name: 'POST /communes/:slug/contracts/imports (upload)',
    allowed: WRITERS_A,
    prepare: async () => ({ method: 'POST', url: `${contracts}/imports`, upload: { fileName: 'marches.csv', bytes: CSV } }),
  },
  {
    name: 'POST /communes/:slug/contracts/imports/:importId/commit',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${contracts}/imports/${await newImport(ctx)}/commit` }),
  },
  {
    name: 'GET /communes/:slug/contracts.ocds.json',
    allowed: 'everyone',
    prepare: async (ctx) => {
      await newContract(ctx, 'published');
      return { method: 'GET', url: `/api/v1/communes/${A}/contracts.ocds.json` };
    },
  },
  {
    name: 'GET /contracts.ocds.json',
    allowed: 'everyone',
    prepare: async (ctx) => {
      await newContract(ctx, 'published');
      return { method: 'GET', url: '/api/v1/contracts.ocds.json' };
    },
  },
];

/** The shared fingerprint predates these tables: refused calls are checked against them here too. */
async function contractTables(ctx: TestContext): Promise<string[]> {
  const digests: string[] = [];
  for (const table of ['contracts', 'contract_documents', 'contract_imports']) {
    const row = await ctx.sql.query<{ digest: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`);
    digests.push(row.rows[0].digest);
  }
  return digests;
}

const refusedRoles = (endpoint: MatrixEndpoint): MatrixRole[] =>
  endpoint.allowed === 'everyone' ? [] : MATRIX_ROLES.filter((role) => endpoint.allowed !== 'signed-in' && !endpoint.allowed.includes(role));

describeIsolationMatrix('contracts and their open data', ENDPOINTS, (matrix) => {
  it.each(ENDPOINTS.filter((endpoint) => refusedRoles(endpoint).length > 0).map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s: refused callers leave the contract tables as they were',
    async (_name, endpoint) => {
      const ctx = matrix.ctx();
      for (const role of refusedRoles(endpoint)) {
        const call = await endpoint.prepare(ctx);
        const before = await contractTables(ctx);
        const token = matrix.token(role);
        const response = call.upload
          ? await ctx.upload({ url: call.url, token, ...call.upload })
          : await ctx.request({ method: call.method, url: call.url, body: call.body, token });
        expect({ role, refused: response.status >= 400 }).toEqual({ role, refused: true });
        expect(await contractTables(ctx)).toEqual(before);
      }
    },
  );

  it('keeps a draft out of the list for everyone but commune A staff', async () => {
    const ctx = matrix.ctx();
    const draft = await newContract(ctx, 'draft', 'Ets Sègbédji Unique');
    for (const role of MATRIX_ROLES) {
      const response = await ctx.request<{ items: { id: string }[] }>({ method: 'GET', url: `${contracts}?awardee=segbedji`, token: matrix.token(role) });
      expect({ role, listed: response.body.items.some((item) => item.id === draft) }).toEqual({ role, listed: STAFF_A.includes(role) });
    }
  });
});
