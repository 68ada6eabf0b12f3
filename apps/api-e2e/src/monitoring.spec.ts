import { Client } from 'pg';
import { TenantTransaction } from '@communes/api-database';
import { TestContext } from '@communes/api-testing';

interface Publication { category: string; fiscalYear: number; expected: boolean; published: boolean; firstPublishedAt: string | null }
interface Summary {
  slug: string;
  status: string;
  publications: Publication[];
  contracts: { fiscalYear: number; published: number }[];
  lastPublishedAt: string | null;
  daysSinceLastPublication: number | null;
  score: number;
  rank: number;
}
interface Publications { fiscalYear: number; previousFiscalYear: number; scoring: { maxScore: number; formulaFr: string }; communes: Summary[] }
interface Adoption {
  total: number;
  byStatus: Record<string, number>;
  byDepartment: { department: string; total: number; notOnboarded: number; onboarding: number; active: number; suspended: number }[];
  byMonth: { month: string; onboarded: number; activated: number; onboardedTotal: number; activatedTotal: number }[];
}

const YEAR = 2030;
const PDF = Buffer.from('%PDF-1.4\n% monitoring test\n');

describe('ministry monitoring: adoption and publications across communes', () => {
  let ctx: TestContext;
  let editor: string;
  let ministry: string;
  let ancb: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    ministry = await ctx.tokenFor(await ctx.newUser({ platformRole: 'ministry_observer' }));
    ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
  });
  afterAll(() => ctx.close());

  const summaryOf = async (slug: string): Promise<Summary> => {
    const response = await ctx.request<Publications>({ method: 'GET', url: `/api/v1/monitoring/publications?year=${YEAR}` });
    expect(response.status).toBe(200);
    const found = response.body.communes.find((c) => c.slug === slug);
    if (!found) throw new Error(`no ${slug}`);
    return found;
  };
  const cell = (summary: Summary, category: string, fiscalYear: number) => summary.publications.find((p) => p.category === category && p.fiscalYear === fiscalYear);

  async function publishDocument(category: string, fiscalYear: number): Promise<string> {
    const created = await ctx.request<{ id: string }>({ method: 'POST', url: '/api/v1/communes/cotonou/documents', token: editor, body: { category, fiscalYear, title: `${category} ${fiscalYear}` } });
    expect(created.status).toBe(201);
    const version = await ctx.upload({ url: `/api/v1/communes/cotonou/documents/${created.body.id}/versions`, token: editor, fileName: 'document.pdf', bytes: PDF });
    expect(version.status).toBe(201);
    expect((await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/documents/${created.body.id}/publish`, token: editor })).status).toBe(200);
    return created.body.id;
  }

  it('counts every commune in one answer, publishes its formula, and starts at zero', async () => {
    const response = await ctx.request<Publications>({ method: 'GET', url: `/api/v1/monitoring/publications?year=${YEAR}` });
    expect(response.body.communes).toHaveLength(77);
    expect(response.body).toMatchObject({ fiscalYear: YEAR, previousFiscalYear: YEAR - 1, scoring: { maxScore: 100 } });
    expect(response.body.scoring.formulaFr).toContain('compte administratif');
    const cotonou = await summaryOf('cotonou');
    expect(cotonou).toMatchObject({ score: 0, lastPublishedAt: null, contracts: [{ fiscalYear: YEAR - 1, published: 0 }, { fiscalYear: YEAR, published: 0 }] });
    expect(cotonou.publications.map((p) => `${p.category}:${p.fiscalYear}:${p.expected}`)).toEqual([
      `budget_primitif:${YEAR}:true`, `compte_administratif:${YEAR}:false`, `plan_travail_annuel:${YEAR}:true`, `plan_passation_marches:${YEAR}:true`,
      `budget_primitif:${YEAR - 1}:true`, `compte_administratif:${YEAR - 1}:true`, `plan_travail_annuel:${YEAR - 1}:true`, `plan_passation_marches:${YEAR - 1}:true`,
    ]);
  });

  it('moves when a document is published and when it is withdrawn; drafts never count', async () => {
    // A draft budget primitif: invisible to monitoring.
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/documents', token: editor, body: { category: 'budget_primitif', fiscalYear: YEAR, title: 'Brouillon' } });
    expect((await summaryOf('cotonou')).score).toBe(0);

    const id = await publishDocument('budget_primitif', YEAR);
    let cotonou = await summaryOf('cotonou');
    expect(cell(cotonou, 'budget_primitif', YEAR)).toMatchObject({ published: true });
    expect(cotonou.daysSinceLastPublication).toBe(0);
    expect(cotonou.score).toBe(10 + 10); // the document, and freshness
    expect(cotonou.rank).toBe(1);

    await publishDocument('compte_administratif', YEAR - 1);
    await publishDocument('compte_administratif', YEAR); // shown, but not due yet: no points
    cotonou = await summaryOf('cotonou');
    expect(cell(cotonou, 'compte_administratif', YEAR)).toMatchObject({ expected: false, published: true });
    expect(cotonou.score).toBe(30);

    const withdrawn = await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/documents/${id}/withdraw`, token: editor, body: { reason: 'Remplacé par la version corrigée' } });
    expect(withdrawn.status).toBe(200);
    cotonou = await summaryOf('cotonou');
    expect(cell(cotonou, 'budget_primitif', YEAR)).toMatchObject({ published: false, firstPublishedAt: null });
    expect(cotonou.score).toBe(20);
  });

  it('counts published contracts by award year, never drafts', async () => {
    await ctx.sql.query(
      `insert into contracts (commune_id, reference, object, procurement_method, category, awardee_name, amount, award_date, state, published_at)
       select id, r.reference, 'Travaux', 'open', 'works', 'Entreprise', 1000000, r.award_date::date, r.state::contract_state, case when r.state = 'published' then now() end
       from communes, (values ('M-1', '${YEAR}-03-01', 'published'), ('M-2', '${YEAR - 1}-11-20', 'published'), ('M-3', '${YEAR}-04-01', 'draft'), ('M-4', '${YEAR - 5}-01-01', 'published')) as r(reference, award_date, state)
       where slug = 'abomey-calavi'`,
    );
    const calavi = await summaryOf('abomey-calavi');
    expect(calavi.contracts).toEqual([{ fiscalYear: YEAR - 1, published: 1 }, { fiscalYear: YEAR, published: 1 }]);
    expect(calavi.score).toBe(20 + 10);
  });

  it('filters by department and status without changing ranks, and refuses bad filters with problem+json', async () => {
    const all = await ctx.request<Publications>({ method: 'GET', url: `/api/v1/monitoring/publications?year=${YEAR}` });
    const littoral = await ctx.request<Publications>({ method: 'GET', url: `/api/v1/monitoring/publications?year=${YEAR}&department=Littoral` });
    expect(littoral.body.communes.map((c) => c.slug)).toEqual(['cotonou']);
    expect(littoral.body.communes[0].rank).toBe(all.body.communes.find((c) => c.slug === 'cotonou')?.rank);
    for (const query of ['year=20x0', 'year=1800', 'status=sleeping', 'limit=3']) {
      const bad = await ctx.request<{ code: string }>({ method: 'GET', url: `/api/v1/monitoring/publications?${query}` });
      expect({ query, status: bad.status, type: bad.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringContaining('application/problem+json') });
    }
  });

  it('exports the summary as CSV that French Excel opens', async () => {
    const response = await ctx.request({ method: 'GET', url: `/api/v1/monitoring/publications.csv?year=${YEAR}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toContain(`publications-communes-${YEAR}.csv`);
    expect([...response.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.raw.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      `Rang;Commune;Département;Statut;Score (sur 100);Budget primitif ${YEAR};Compte administratif ${YEAR} (pas encore exigible);Plan de travail annuel ${YEAR};` +
        `Plan de passation des marchés ${YEAR};Budget primitif ${YEAR - 1};Compte administratif ${YEAR - 1};Plan de travail annuel ${YEAR - 1};Plan de passation des marchés ${YEAR - 1};` +
        `Marchés publiés ${YEAR - 1};Marchés publiés ${YEAR};Dernière publication;Jours depuis la dernière publication`,
    );
    expect(lines[1]).toMatch(/^1;Abomey-Calavi;Atlantique;active;30;/);
    expect(lines.filter((line) => /^\d+;/.test(line))).toHaveLength(77);
    expect(lines.some((line) => line.includes('Akpro-Missérété'))).toBe(true);
  });

  it('shows adoption to ANCB and the ministry: by status, department and month, moving when a commune is onboarded', async () => {
    const before = await ctx.request<Adoption>({ method: 'GET', url: '/api/v1/monitoring/adoption', token: ministry });
    expect(before.status).toBe(200);
    expect(before.body.total).toBe(77);
    expect(before.body.byStatus).toEqual({ not_onboarded: 74, onboarding: 0, active: 3, suspended: 0 });
    expect(before.body.byDepartment.find((d) => d.department === 'Littoral')).toEqual({ department: 'Littoral', total: 1, notOnboarded: 0, onboarding: 0, active: 1, suspended: 0 });
    const thisMonth = before.body.byMonth[before.body.byMonth.length - 1];
    expect(thisMonth).toMatchObject({ onboarded: 3, activated: 3, onboardedTotal: 3, activatedTotal: 3 });

    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'ouidah' } })).status).toBe(201);
    // A commune onboarded two months ago, activated last month.
    await ctx.sql.query(`update communes set status = 'active', onboarding_started_at = now() - interval '2 months', activated_at = now() - interval '1 month' where slug = 'porto-novo'`);
    const after = await ctx.request<Adoption>({ method: 'GET', url: '/api/v1/monitoring/adoption', token: ancb });
    expect(after.body.byStatus).toEqual({ not_onboarded: 72, onboarding: 1, active: 4, suspended: 0 });
    const months = after.body.byMonth;
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months[months.length - 1]).toMatchObject({ onboarded: 4, onboardedTotal: 5, activatedTotal: 4 });
    expect(months[0]).toMatchObject({ onboarded: 1, activated: 0, onboardedTotal: 1, activatedTotal: 0 });
  });

  it('answers each endpoint with one SQL statement over all communes, whatever their number', async () => {
    // Records the scope of every statement: the caller's own account is loaded first (scope
    // `self`), then the figures must come from a single statement in the monitoring scope.
    const tx = ctx.app.get(TenantTransaction);
    const original = tx.query.bind(tx);
    const scopes: string[] = [];
    const query = jest.spyOn(tx, 'query').mockImplementation((sql, parameters) => {
      scopes.push(tx.context.scope);
      return original(sql, parameters);
    });
    try {
      for (const url of ['/api/v1/monitoring/publications', '/api/v1/monitoring/publications.csv', '/api/v1/monitoring/adoption']) {
        scopes.length = 0;
        expect((await ctx.request({ method: 'GET', url, token: ministry })).status).toBe(200);
        expect({ url, monitoring: scopes.filter((scope) => scope === 'monitoring').length, others: scopes.filter((scope) => scope !== 'monitoring' && scope !== 'self') }).toEqual({ url, monitoring: 1, others: [] });
      }
    } finally {
      query.mockRestore();
    }
  });

  it('reads through the monitoring scope, which sees published rows of every commune and nothing else', async () => {
    const app = new Client({ connectionString: ctx.db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(`select set_config('app.scope', 'monitoring', true)`);
      const documents = await app.query<{ state: string }>(`select distinct state::text from documents`);
      expect(documents.rows.map((r) => r.state)).toEqual(['published']);
      const contracts = await app.query<{ state: string }>(`select distinct state::text from contracts`);
      expect(contracts.rows.map((r) => r.state)).toEqual(['published']);
      expect((await app.query(`select 1 from document_versions`)).rows).toEqual([]);
      expect((await app.query(`select 1 from contract_imports`)).rows).toEqual([]);
      await expect(app.query(`update documents set title = 'x'`).then((r) => r.rowCount)).resolves.toBe(0);
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });
});
