import { Workbook } from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Problem {
  status: number;
  code: string;
  detail: string;
  importErrors?: { line: number; column: string | null; message: string }[];
}
interface Totals {
  fonctionnement: { recette: string; depense: string };
  investissement: { recette: string; depense: string };
}
interface Preview {
  importId: string;
  format: string;
  sourceDocumentId: string;
  totalLines: number;
  validLines: number;
  errorCount: number;
  errors: { line: number; column: string | null; message: string }[];
  totals: Totals;
  sample: { line: number; section: string; direction: string; code: string; label: string; amount: string }[];
}
interface Budget {
  id: string;
  fiscalYear: number;
  stage: string;
  state: string;
  lineCount: number;
  totals: Totals;
  sourceDocumentId: string | null;
  supersededBy: string | null;
}
interface BudgetWithLines extends Budget {
  lines: { lineNumber: number; section: string; direction: string; code: string; label: string; amount: string }[];
}

// ---- Fixture files, built in code (same builders as libs/api/imports/src/testing) ------------

const HEADER = ['Section', 'Sens', 'Code', 'Libellé', 'Montant (FCFA)'];
type Row = [string, string, string, string, string | number];

function csv(rows: readonly Row[], delimiter = ';'): Buffer {
  return Buffer.from([HEADER, ...rows].map((row) => row.join(delimiter)).join('\r\n') + '\r\n', 'utf-8');
}

async function xlsx(rows: readonly Row[], title?: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Feuil1');
  if (title) {
    sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, HEADER.length);
    sheet.addRow([]);
  }
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const PRIMITIF: Row[] = [
  ['Fonctionnement', 'Recette', '7141', 'Taxe foncière unique', '450 000 000'],
  ['Fonctionnement', 'Recette', '7142', 'Taxe professionnelle unique', '380 000 000'],
  ['Fonctionnement', 'Recette', '7411', 'FADeC non affecté fonctionnement', '120 000 000'],
  ['Fonctionnement', 'Dépense', '6611', 'Salaires du personnel communal', '310 000 000'],
  ['Fonctionnement', 'Dépense', '6052', "Éclairage public, eau et électricité", '95 000 000'],
  ['Investissement', 'Recette', '1411', 'FADeC affecté éducation', '250 000 000'],
  ['Investissement', 'Dépense', '2313', 'Construction de modules de classes à Zogbo', '180 000 000'],
  ['Investissement', 'Dépense', '2315', 'Aménagement de pistes rurales', '140 000 000'],
];

describe('budgets: import, commit, publish, open data, search', () => {
  let ctx: TestContext;
  let editor: string;
  let otherAdmin: string;
  const base = '/api/v1/communes/cotonou/budgets';

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    otherAdmin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'admin' }] }));
  });
  afterAll(() => ctx.close());

  const importFile = (fiscalYear: number, stage: string, bytes: Buffer, fileName = 'budget.csv') =>
    ctx.upload<Preview & Problem>({ url: `${base}/imports?fiscalYear=${fiscalYear}&stage=${stage}`, token: editor, fileName, bytes });
  const commit = (importId: string) => ctx.request<Budget & Problem>({ method: 'POST', url: `${base}/imports/${importId}/commit`, token: editor });
  const publish = (id: string) => ctx.request<Budget & Problem>({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
  const budgetTables = async () =>
    (
      await ctx.sql.query<{ budgets: number; lines: number; imports: string }>(
        `select (select count(*)::int from budgets) as budgets, (select count(*)::int from budget_lines) as lines,
                (select string_agg(id || ':' || status, ',' order by id) from budget_imports) as imports`,
      )
    ).rows[0];

  it('previews a file with line-by-line errors, keeps the file as a draft document, and refuses to commit it', async () => {
    const bytes = csv([
      ...PRIMITIF.slice(0, 3),
      ['Fonctionnement', 'Recette', '7143', 'Taxe sur les marchés', ''],
      ['Fonctionement', 'Dépense', '6061', 'Fournitures de bureau', '12 000 000'],
      ['', '', '', 'Total fonctionnement', '950 000 000'],
    ]);
    const preview = await importFile(2025, 'primitif', bytes);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ format: 'csv', totalLines: 6, validLines: 3, errorCount: 3 });
    expect(preview.body.errors).toEqual([
      { line: 5, column: 'Montant (FCFA)', message: 'Montant manquant' },
      { line: 6, column: 'Section', message: expect.stringContaining('Section inconnue') },
      { line: 7, column: null, message: expect.stringContaining('Ligne de total') },
    ]);
    expect(preview.body.totals).toEqual({ fonctionnement: { recette: '950000000', depense: '0' }, investissement: { recette: '0', depense: '0' } });
    expect(preview.body.sample[0]).toEqual({ line: 2, section: 'fonctionnement', direction: 'recette', code: '7141', label: 'Taxe foncière unique', amount: '450000000' });

    // The file is kept, byte for byte, as a draft document of the commune.
    const document = await ctx.request<{ state: string; category: string; versions: { id: string; mediaType: string; sizeBytes: string }[] }>({
      method: 'GET',
      url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}`,
      token: editor,
    });
    expect(document.body).toMatchObject({ state: 'draft', category: 'budget_primitif' });
    expect(document.body.versions[0]).toMatchObject({ mediaType: 'text/csv', sizeBytes: String(bytes.length) });
    const download = await ctx.request({ method: 'GET', url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}/versions/${document.body.versions[0].id}/download`, token: editor });
    expect(download.raw.equals(bytes)).toBe(true);

    const before = await budgetTables();
    const refused = await commit(preview.body.importId);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('budget-import.has-errors');
    expect(refused.body.importErrors).toHaveLength(3);
    expect(refused.body.detail).toContain('ligne 5 (Montant (FCFA)) : Montant manquant');
    expect(await budgetTables()).toEqual(before);
  });

  it('refuses an unreadable file with 422 and the parser’s message, and stores nothing', async () => {
    const before = { ...(await ctx.fingerprint()), ...(await budgetTables()) };
    const pdf = await importFile(2025, 'primitif', Buffer.from('%PDF-1.4\n% budget scanné\n'), 'budget.pdf');
    expect(pdf.status).toBe(422);
    expect(pdf.body).toMatchObject({ code: 'budget-import.unreadable', detail: expect.stringContaining('Un PDF ne peut pas être importé') });
    const empty = await importFile(2025, 'primitif', Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toContain('Le fichier est vide');
    const noHeader = await importFile(2025, 'primitif', Buffer.from('bonjour;le;monde\n1;2;3\n'));
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.detail).toContain("Ligne d'en-têtes introuvable");
    expect({ ...(await ctx.fingerprint()), ...(await budgetTables()) }).toEqual(before);
  });

  it('refuses a file over 20 MB with 413, and explains bad requests', async () => {
    const before = await budgetTables();
    const big = await importFile(2025, 'primitif', Buffer.concat([csv(PRIMITIF), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('budget-import.too-large');
    const badStage = await importFile(2025, 'definitif', csv(PRIMITIF));
    expect(badStage.status).toBe(400);
    const noYear = await ctx.upload<Problem>({ url: `${base}/imports?stage=primitif`, token: editor, fileName: 'b.csv', bytes: csv(PRIMITIF) });
    expect(noYear.status).toBe(400);
    const notMultipart = await ctx.request<Problem>({ method: 'POST', url: `${base}/imports?fiscalYear=2025&stage=primitif`, token: editor, body: { file: 'x' } });
    expect(notMultipart.status).toBe(415);
    const unknownImport = await commit('00000000-0000-4000-8000-000000000000');
    expect(unknownImport.status).toBe(404);
    expect(await budgetTables()).toEqual(before);
  });

  it('commits an XLSX import into a draft seen only by the staff, then publishes it with its source file', async () => {
    const preview = await importFile(2024, 'primitif', await xlsx(PRIMITIF, 'Commune de Cotonou — Budget primitif 2024'), 'BP 2024.xlsx');
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ format: 'xlsx', totalLines: 8, validLines: 8, errorCount: 0, errors: [] });
    expect(preview.body.sample[0].line).toBe(4); // title, blank line, header

    const draft = await commit(preview.body.importId);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      state: 'draft',
      fiscalYear: 2024,
      stage: 'primitif',
      lineCount: 8,
      sourceDocumentId: preview.body.sourceDocumentId,
      totals: { fonctionnement: { recette: '950000000', depense: '405000000' }, investissement: { recette: '250000000', depense: '320000000' } },
    });
    expect((await commit(preview.body.importId)).status).toBe(409);

    // A draft is invisible to everyone but the commune's staff.
    const url = `${base}/${draft.body.id}`;
    expect((await ctx.request({ method: 'GET', url })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url, token: otherAdmin })).status).toBe(404);
    expect((await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2024` })).body).toEqual([]);
    expect((await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2024`, token: otherAdmin })).body).toEqual([]);
    expect((await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2024`, token: editor })).body).toHaveLength(1);
    expect((await ctx.request({ method: 'POST', url: `${url}/publish`, token: otherAdmin })).status).toBe(404);

    const published = await publish(draft.body.id);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect((await publish(draft.body.id)).status).toBe(409);

    const publicView = await ctx.request<BudgetWithLines>({ method: 'GET', url });
    expect(publicView.status).toBe(200);
    expect(publicView.body.lines.map((line) => line.lineNumber)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(publicView.body.lines[6]).toEqual({ lineNumber: 10, section: 'investissement', direction: 'depense', code: '2313', label: 'Construction de modules de classes à Zogbo', amount: '180000000' });
    const paged = await ctx.request<BudgetWithLines>({ method: 'GET', url: `${url}?page=2&pageSize=3` });
    expect(paged.body.lines.map((line) => line.lineNumber)).toEqual([7, 8, 9]);
    const source = await ctx.request<{ state: string }>({ method: 'GET', url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}` });
    expect(source.body.state).toBe('published');
    const audit = await ctx.sql.query<{ action: string }>(
      `select action from audit_events where target_id in ($1, $2, $3) order by id`,
      [preview.body.importId, draft.body.id, preview.body.sourceDocumentId],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['document.created', 'document.version-added', 'budget.import-previewed', 'budget.imported', 'document.published', 'budget.published']);

    // Published budgets are never changed or deleted, even at the database level.
    await expect(ctx.sql.query(`update budget_lines set amount = 1 where budget_id = $1`, [draft.body.id])).rejects.toThrow(/cannot be changed/);
    await expect(ctx.sql.query(`delete from budgets where id = $1`, [draft.body.id])).rejects.toThrow(/cannot be deleted/);
  });

  it('replaces a draft by a newer import, and supersedes the published budget when the correction is published', async () => {
    const first = await importFile(2023, 'execute', csv(PRIMITIF.slice(0, 4)));
    const firstBudget = await commit(first.body.importId);
    const published = await publish(firstBudget.body.id);
    expect(published.body.state).toBe('published');

    // Two corrected files: the older preview can no longer overwrite the newer draft.
    const older = await importFile(2023, 'execute', csv(PRIMITIF.slice(0, 5)));
    const newer = await importFile(2023, 'execute', csv(PRIMITIF));
    const draft = await commit(newer.body.importId);
    expect(draft.body).toMatchObject({ state: 'draft', lineCount: 8 });
    expect((await commit(older.body.importId)).status).toBe(410);
    const again = await importFile(2023, 'execute', csv(PRIMITIF.slice(0, 6)));
    const replacing = await commit(again.body.importId);
    expect(replacing.body.lineCount).toBe(6);
    const staffList = await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2023&stage=execute`, token: editor });
    expect(staffList.body.map((b) => b.state).sort()).toEqual(['draft', 'published']);

    // The public keeps seeing the published figures until the correction is published.
    const beforePublish = await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2023` });
    expect(beforePublish.body.map((b) => [b.id, b.state])).toEqual([[firstBudget.body.id, 'published']]);

    expect((await publish(replacing.body.id)).body.state).toBe('published');
    const after = await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2023` });
    expect(after.body.map((b) => b.state).sort()).toEqual(['published', 'superseded']);
    const old = await ctx.request<BudgetWithLines>({ method: 'GET', url: `${base}/${firstBudget.body.id}` });
    expect(old.body).toMatchObject({ state: 'superseded', supersededBy: replacing.body.id, lineCount: 4 });
    expect(old.body.lines).toHaveLength(4);
  });

  it('commits all or nothing: a commit that fails halfway leaves the previous draft and no new line', async () => {
    const kept = await commit((await importFile(2022, 'collectif', csv(PRIMITIF.slice(0, 2)))).body.importId);
    expect(kept.status).toBe(201);
    const preview = await importFile(2022, 'collectif', csv(PRIMITIF));
    // Corrupt the stored preview's last line, as a disk or a bug could: the database refuses it.
    await ctx.sql.query(`update budget_imports set lines = lines || '[[999, "investissement", "depense", "2313", "Ligne corrompue", "-5"]]'::jsonb where id = $1`, [preview.body.importId]);
    const before = await budgetTables();
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined); // TypeORM logs the failed query
    const failed = await commit(preview.body.importId);
    quiet.mockRestore();
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(await budgetTables()).toEqual(before);
    const drafts = await ctx.request<Budget[]>({ method: 'GET', url: `${base}?fiscalYear=2022`, token: editor });
    expect(drafts.body.map((b) => b.id)).toEqual([kept.body.id]);
  });

  it('publishes open data: a Fiscal Data Package whose CSV parses back to the published lines only', async () => {
    const descriptor = await ctx.request<{ profile: string; resources: { path: string; mediatype: string; schema: { fields: { name: string }[] } }[] }>({
      method: 'GET',
      url: `${base}/datapackage.json`,
    });
    expect(descriptor.status).toBe(200);
    expect(descriptor.body.profile).toBe('fiscal-data-package');
    const csvUrl = new URL(descriptor.body.resources[0].path);
    expect(csvUrl.pathname).toBe(`${base}/budgets.csv`);

    const file = await ctx.request({ method: 'GET', url: csvUrl.pathname });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records: Record<string, string>[] = parse(file.text, { columns: true, record_delimiter: '\r\n' });
    expect(Object.keys(records[0])).toEqual(descriptor.body.resources[0].schema.fields.map((field) => field.name));
    // Published: 2024 primitif (8 lines) and the 2023 correction (6 lines); no draft, nothing superseded.
    expect(records).toHaveLength(14);
    expect(records.filter((r) => r['fiscal_year'] === '2023')).toHaveLength(6);
    expect(records.some((r) => r['fiscal_year'] === '2022' || r['fiscal_year'] === '2025')).toBe(false);
    expect(records).toContainEqual({
      commune: 'Cotonou',
      fiscal_year: '2024',
      stage: 'primitif',
      section: 'fonctionnement',
      direction: 'depense',
      code: '6052',
      label: 'Éclairage public, eau et électricité',
      amount: '95000000',
    });

    const excel = await ctx.request({ method: 'GET', url: `${csvUrl.pathname}?excel=1` });
    expect(excel.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(excel.raw.subarray(3).toString('utf-8')).toBe(file.text);

    const elsewhere = await ctx.request<{ resources: unknown[] }>({ method: 'GET', url: '/api/v1/communes/abomey-calavi/budgets/budgets.csv' });
    expect(elsewhere.text).toBe('commune,fiscal_year,stage,section,direction,code,label,amount\r\n');
  });

  it('finds published budget lines in the search, never draft or superseded ones', async () => {
    await ctx.app.get(SearchIndexer).drain();
    const search = (q: string) =>
      ctx.request<{ hits: { record: { id: string; kind: string; title: string; url: string; amount: string; category: string; fiscalYear: number } }[] }>({
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent(q)}&kind=budget_line`,
      });
    const classes = await search('modules de classes');
    expect(classes.body.hits.map((hit) => hit.record.fiscalYear)).toEqual([2024]);
    const line = classes.body.hits[0].record;
    expect(line).toMatchObject({ kind: 'budget_line', title: 'Construction de modules de classes à Zogbo', amount: '180000000', category: 'primitif' });
    expect(line.id).toMatch(/^budget_line:[0-9a-f-]{36}-10$/);
    expect(line.url).toMatch(/^\/communes\/cotonou\/budgets\/[0-9a-f-]{36}$/);
    // "Taxe foncière unique" is in the 2024 budget, the 2023 correction, the superseded 2023
    // budget and the 2022 draft: only the first two are in the index.
    const taxes = await search('taxe fonciere');
    const years = taxes.body.hits.filter((hit) => hit.record.title === 'Taxe foncière unique').map((hit) => hit.record.fiscalYear);
    expect(years.sort()).toEqual([2023, 2024]);
  });

  it('commits a 50,000-line import in one transaction, quickly', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 50_000; i += 1) {
      rows.push([i % 2 ? 'Fonctionnement' : 'Investissement', i % 3 ? 'Dépense' : 'Recette', String(600000 + i), `Ligne budgétaire n° ${i + 1}`, String(1000 + i)]);
    }
    const started = Date.now();
    const preview = await importFile(2021, 'primitif', csv(rows));
    expect(preview.body).toMatchObject({ validLines: 50_000, errorCount: 0 });
    const budget = await commit(preview.body.importId);
    expect(budget.status).toBe(201);
    expect(budget.body.lineCount).toBe(50_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    const stored = await ctx.sql.query<{ n: number; total: string }>(`select count(*)::int as n, sum(amount)::text as total from budget_lines where budget_id = $1`, [budget.body.id]);
    // 50,000 × 1000 + (0 + … + 49,999)
    expect(stored.rows[0]).toEqual({ n: 50_000, total: String(50_000 * 1000 + (49_999 * 50_000) / 2) });
  });
});
