import PDFDocument from 'pdfkit';
import { DocumentTextWorker } from '@communes/api-documents';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Hit {
  record: { id: string; kind: string; communeSlug: string; title: string; url: string };
  highlights: { title?: string; body?: string };
}
interface Result {
  hits: Hit[];
  total: number;
  facets: { communes: { value: string; count: number }[]; kinds: { value: string; count: number }[] };
  communeNames: Record<string, string>;
}

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

describe('search across communes, fed by the outbox', () => {
  let ctx: TestContext;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await TestContext.create();
    for (const slug of ['cotonou', 'abomey-calavi']) {
      tokens[slug] = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: slug, role: 'editor' }] }));
    }
  });
  afterAll(() => ctx.close());

  async function publish(slug: string, title: string, category: string, text: string, fiscalYear = 2025): Promise<string> {
    const base = `/api/v1/communes/${slug}/documents`;
    const created = await ctx.request<{ id: string }>({ method: 'POST', url: base, token: tokens[slug], body: { category, fiscalYear, title } });
    await ctx.upload({ url: `${base}/${created.body.id}/versions`, token: tokens[slug], fileName: `${category}.pdf`, bytes: await pdf(text) });
    await ctx.request({ method: 'POST', url: `${base}/${created.body.id}/publish`, token: tokens[slug] });
    return created.body.id;
  }

  const search = (query: string) => ctx.request<Result>({ method: 'GET', url: `/api/v1/search?${query}` });
  const settle = async () => {
    await ctx.app.get(DocumentTextWorker).runOnce(100);
    await ctx.app.get(SearchIndexer).drain();
  };

  it('finds published documents by their words, accents and typos forgiven, never drafts', async () => {
    const budget = await publish('cotonou', 'Budget primitif 2025', 'budget_primitif', 'Construction de modules de classes à l’école primaire publique de Zogbo.');
    await publish('abomey-calavi', 'Plan de passation des marchés 2025', 'plan_passation_marches', 'Marché de construction d’un marché à bétail.');
    const draft = await ctx.request<{ id: string }>({ method: 'POST', url: '/api/v1/communes/cotonou/documents', token: tokens['cotonou'], body: { category: 'arrete', title: 'Arrêté secret sur les écoles' } });
    await settle();

    const accents = await search('q=ecole');
    expect(accents.status).toBe(200);
    expect(accents.body.hits.map((h) => h.record.id)).toEqual([`document:${budget}`]);
    expect(accents.body.hits[0].record.url).toBe(`/communes/cotonou/documents/${budget}`);
    // A document's whole text stays on the server: the hit carries the passage around the match.
    expect(accents.body.hits[0].record).not.toHaveProperty('body');
    expect(accents.body.hits[0].highlights.body).toContain('<mark>');

    const typo = await search('q=budget%20primitf');
    expect(typo.body.hits.map((h) => h.record.id)).toContain(`document:${budget}`);

    const plural = await search('q=marches');
    expect(plural.body.hits.map((h) => h.record.communeSlug)).toContain('abomey-calavi');

    const filtered = await search('q=construction&commune=abomey-calavi');
    expect(filtered.body.hits.every((h) => h.record.communeSlug === 'abomey-calavi')).toBe(true);
    const all = await search('q=construction');
    expect(all.body.facets.communes.map((f) => f.value).sort()).toEqual(['abomey-calavi', 'cotonou']);
    // The communes of the facet and of the filter come with their names (no directory to load).
    expect(all.body.communeNames).toEqual({ 'abomey-calavi': 'Abomey-Calavi', cotonou: 'Cotonou' });
    const ticked = await search('q=construction&commune=akpro-misserete,nowhere');
    expect(ticked.body.total).toBe(0);
    expect(ticked.body.communeNames).toEqual({ 'akpro-misserete': 'Akpro-Missérété' });

    expect((await search('q=secret')).body.total).toBe(0);
    expect(draft.status).toBe(201);
  });

  it('removes a withdrawn document from the index', async () => {
    const id = await publish('cotonou', 'Compte administratif 2023', 'compte_administratif', 'Exécution du budget 2023.', 2023);
    await settle();
    expect((await search('q=administratif&fiscalYear=2023')).body.total).toBe(1);
    await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/documents/${id}/withdraw`, token: tokens['cotonou'], body: { reason: 'Erreur de saisie' } });
    await settle();
    expect((await search('q=administratif&fiscalYear=2023')).body.total).toBe(0);
  });

  it('rebuilds the index from the database and verifies that both agree', async () => {
    const indexer = ctx.app.get(SearchIndexer);
    await ctx.sql.query(`delete from search_records`);
    expect(await indexer.verify()).toMatchObject({ extra: [], stale: [] });
    expect((await indexer.verify()).missing.length).toBeGreaterThan(0);
    const indexed = await indexer.rebuild();
    expect(indexed).toBeGreaterThanOrEqual(2);
    expect(await indexer.verify()).toEqual({ missing: [], extra: [], stale: [] });
  });

  it('answers bad search parameters with a clear 400', async () => {
    for (const query of ['kind=everything', 'pageSize=500', 'amountMin=12.5', 'sort=price', 'fiscalYear=last']) {
      const response = await search(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});
