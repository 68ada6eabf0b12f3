import { seedDemoAgenda, seedDemoBudgets, seedDemoContracts, seedDemoDocuments } from '@communes/api-demo';
import { DocumentTextWorker } from '@communes/api-documents';
import { SearchIndexer } from '@communes/api-search';
import { DocumentStorage } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

interface Result {
  total: number;
  hits: { record: { kind: string; communeSlug: string; title: string; category: string | null }; highlights: { title?: string; body?: string } }[];
}

/**
 * Search relevance on the demo content a newcomer sees with `npm start`: what citizens type,
 * with their accents (or without), typos and plurals, must find the right records first.
 */
describe('search relevance on the demo content', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await seedDemoDocuments(ctx.db.ownerUrl, ctx.app.get(DocumentStorage));
    await seedDemoAgenda(ctx.db.ownerUrl);
    await seedDemoBudgets(ctx.db.ownerUrl);
    await seedDemoContracts(ctx.db.ownerUrl);
    while ((await ctx.app.get(DocumentTextWorker).runOnce(50)) > 0);
    await ctx.app.get(SearchIndexer).drain();
  });
  afterAll(() => ctx.close());

  const search = async (query: string) => (await ctx.request<Result>({ method: 'GET', url: `/api/v1/search?${query}` })).body;

  it('forgives missing accents: "ecole" finds the documents about schools, highlighted', async () => {
    const result = await search('q=ecole');
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(result.hits.every((hit) => `${hit.highlights.title ?? ''} ${hit.highlights.body ?? ''}`.includes('<mark>'))).toBe(true);
  });

  it('forgives a typo: "budget primitf" ranks the three budgets primitifs first', async () => {
    const result = await search('q=budget%20primitf');
    expect(result.hits.slice(0, 3).map((hit) => hit.record.category)).toEqual(['budget_primitif', 'budget_primitif', 'budget_primitif']);
  });

  it('matches plural and singular: "marche" and "marchés" find the procurement plans', async () => {
    for (const q of ['marche', 'march%C3%A9s']) {
      const result = await search(`q=${q}&kind=document`);
      expect(result.hits.map((hit) => hit.record.category)).toContain('plan_passation_marches');
    }
  });

  it('finds the accountability session in the agenda and its report in the documents', async () => {
    const result = await search('q=reddition%20de%20comptes');
    const kinds = result.hits.map((hit) => hit.record.kind);
    expect(kinds).toEqual(expect.arrayContaining(['document', 'agenda_event']));
    // The report and the sessions come before budget lines or contracts that merely mention accounts.
    expect(kinds.slice(0, 3).every((kind) => kind === 'document' || kind === 'agenda_event')).toBe(true);
  });

  it("finds a contract by its awardee's name, written without accents", async () => {
    const awardee = await ctx.sql.query<{ awardee_name: string }>(`select awardee_name from contracts where state = 'published' and awardee_name ~ '[éèô]' limit 1`);
    const name = awardee.rows[0].awardee_name;
    const unaccented = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const result = await search(`q=${encodeURIComponent(unaccented)}&kind=contract`);
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0].highlights.body ?? result.hits[0].highlights.title ?? '').toContain('<mark>');
  });

  it('finds budget lines by their label, filtered by year', async () => {
    const result = await search('q=taxe%20fonciere&kind=budget_line&fiscalYear=2025');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.record.kind === 'budget_line')).toBe(true);
  });

  it('narrows to one commune and one year with filters, facets counting the rest', async () => {
    const result = await search('q=budget&commune=cotonou&fiscalYear=2025');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.record.communeSlug === 'cotonou')).toBe(true);
  });
});
