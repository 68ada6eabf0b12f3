import { createHash } from 'node:crypto';
import { Workbook } from 'exceljs';
import { validateReleasePackage } from '@communes/api-open-data';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Problem {
  status: number;
  code: string;
  detail: string;
}
interface Contract {
  id: string;
  reference: string;
  awardeeName: string;
  amount: string;
  awardDate: string;
  status: string;
  state: string;
  documents?: { id: string; title: string }[];
}
interface Page {
  items: Contract[];
  total: number;
  page: number;
  pageSize: number;
}
interface Preview {
  importId: string;
  sourceDocumentId: string;
  totalLines: number;
  validLines: number;
  errors: { line: number; column: string | null; message: string }[];
  sample: ({ line: number } & Contract)[];
}
interface ReleasePackage {
  uri: string;
  publisher: { name: string };
  releases: { ocid: string; buyer: { name: string }; contracts: { id: string; status: string; documents?: { url: string }[] }[] }[];
}
interface SearchResult {
  hits: { record: { id: string; kind: string; url: string } }[];
}

// Fixture builders, copied from libs/api/imports/src/testing/fixtures.ts (kept in code, so each
// test shows exactly what the file holds).
const HEADER = "Référence;Objet;Mode de passation;Catégorie;Attributaire;IFU;Montant;Date d'attribution;Date de début;Date de fin;Statut;Source de financement";

function csvFile(lines: string[], fileName = 'marches-2025.csv'): { bytes: Buffer; fileName: string } {
  return { bytes: Buffer.from([HEADER, ...lines].join('\r\n'), 'utf-8'), fileName };
}

async function xlsxFile(rows: (string | number | Date | null)[][], fileName = 'marches-2025.xlsx'): Promise<{ bytes: Buffer; fileName: string }> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Feuil1');
  sheet.addRow(['Commune de Cotonou — marchés attribués 2025']);
  sheet.addRow([]);
  for (const values of rows) sheet.addRow(values);
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName };
}

const line = (reference: string, object = 'Construction de trois modules de classes', awardee = 'Entreprise Houénou & Fils SARL', amount = '45 000 000') =>
  `${reference};${object};Appel d'offres ouvert;Travaux;${awardee};3201900123456;${amount};15/03/2025;01/04/2025;30/09/2025;En cours;FADeC`;

describe('contracts: import, publish, public read, open data, search', () => {
  let ctx: TestContext;
  let editor: string;
  let admin: string;
  let otherAdmin: string;
  let calaviEditor: string;
  const base = '/api/v1/communes/cotonou/contracts';

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    admin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'admin' }] }));
    otherAdmin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'admin' }] }));
    calaviEditor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
  });
  afterAll(() => ctx.close());

  const contractCount = async () => (await ctx.sql.query<{ n: number }>('select count(*)::int as n from contracts')).rows[0].n;
  const uniqueRef = (prefix: string) => `${prefix}/${ctx.uniqueSuffix()}/MC/SG/PRMP`;

  async function createDraft(overrides: Record<string, unknown> = {}, token = editor, url = base): Promise<Contract> {
    const response = await ctx.request<Contract>({
      method: 'POST',
      url,
      token,
      body: {
        reference: uniqueRef('N°2025'),
        object: 'Pavage de la rue 12.045 à Cadjèhoun',
        procurementMethod: 'open',
        category: 'works',
        awardeeName: 'Ets Agossou BTP',
        awardeeIdentifier: '3202112345678',
        amount: '185000000',
        awardDate: '2025-02-10',
        startDate: '2025-03-01',
        endDate: '2025-12-31',
        fundingSource: 'FADeC investissement 2025',
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const publish = async (id: string, token = editor, url = base) => {
    const response = await ctx.request<Contract>({ method: 'POST', url: `${url}/${id}/publish`, token });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('previews an import with errors line by line, keeps the file as a draft document, and refuses to commit it', async () => {
    const file = csvFile([
      line(uniqueRef('N°001')),
      line(uniqueRef('N°002')).replace("Appel d'offres ouvert", 'Procédure spéciale'),
      line(uniqueRef('N°003'), 'Fourniture de 200 tables-bancs', 'Ets Dossou Mobilier', 'quarante mille'),
      line(uniqueRef('N°004'), 'Collecte des déchets ménagers', 'GIE Zéro Déchet'),
    ]);
    const before = await contractCount();
    const preview = await ctx.upload<Preview>({ url: `${base}/imports`, token: editor, ...file });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ totalLines: 4, validLines: 2 });
    expect(preview.body.errors).toEqual([
      { line: 3, column: 'Mode de passation', message: expect.stringContaining('Mode de passation inconnu : « Procédure spéciale »') },
      { line: 4, column: 'Montant', message: expect.any(String) },
    ]);
    expect(preview.body.sample.map((row) => row.line)).toEqual([2, 5]);
    expect(preview.body.sample[0]).toMatchObject({ procurementMethod: 'open', category: 'works', amount: '45000000', awardDate: '2025-03-15', status: 'active' });

    // The source file is a draft document of the commune, byte for byte, invisible to the public.
    const source = await ctx.request<{ state: string; category: string; versions: { id: string; mediaType: string; sha256: string }[] }>({
      method: 'GET',
      url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}`,
      token: editor,
    });
    expect(source.body).toMatchObject({ state: 'draft', category: 'autre' });
    expect(source.body.versions).toEqual([expect.objectContaining({ mediaType: 'text/csv', sha256: createHash('sha256').update(file.bytes).digest('hex') })]);
    const download = await ctx.request({ method: 'GET', url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}/versions/${source.body.versions[0].id}/download`, token: editor });
    expect(download.raw.equals(file.bytes)).toBe(true);
    expect((await ctx.request({ method: 'GET', url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}` })).status).toBe(404);

    const commit = await ctx.request<Problem>({ method: 'POST', url: `${base}/imports/${preview.body.importId}/commit`, token: editor });
    expect(commit.status).toBe(422);
    expect(commit.body.code).toBe('contract.import-has-errors');
    expect(await contractCount()).toBe(before);
  });

  it('imports an XLSX file without errors and commits every line as drafts, once', async () => {
    const references = [uniqueRef('N°010'), uniqueRef('N°011'), uniqueRef('N°012')];
    const file = await xlsxFile([
      ['Référence', 'Objet', 'Mode de passation', 'Catégorie', 'Attributaire', 'Montant', "Date d'attribution", 'Source de financement'],
      [references[0], 'Réhabilitation du marché de Gbégamey', "Appel d'offres ouvert", 'Travaux', 'Entreprise Houénou & Fils SARL', 152_300_000, new Date('2025-01-20T00:00:00Z'), 'FADeC'],
      [references[1], 'Acquisition de matériel informatique', 'Demande de cotation', 'Fournitures', 'Bénin Info Services SARL', 8_450_000, new Date('2025-02-03T00:00:00Z'), 'Budget communal'],
      [references[2], 'Étude de faisabilité du pavage', 'Gré à gré', 'Services', 'Cabinet d’études Sèdjro', 12_000_000, new Date('2025-02-28T00:00:00Z'), 'Partenaires'],
    ]);
    const preview = await ctx.upload<Preview>({ url: `${base}/imports`, token: admin, ...file });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ totalLines: 3, validLines: 3, errors: [] });
    expect(preview.body.sample.map((row) => row.line)).toEqual([4, 5, 6]);
    const source = await ctx.request<{ versions: { mediaType: string }[] }>({ method: 'GET', url: `/api/v1/communes/cotonou/documents/${preview.body.sourceDocumentId}`, token: admin });
    expect(source.body.versions[0].mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const commit = await ctx.request<{ created: number; contractIds: string[] }>({ method: 'POST', url: `${base}/imports/${preview.body.importId}/commit`, token: admin });
    expect(commit.status).toBe(201);
    expect(commit.body.created).toBe(3);

    const staffView = await ctx.request<Page>({ method: 'GET', url: `${base}?state=draft&pageSize=100`, token: editor });
    expect(staffView.body.items.map((c) => c.reference)).toEqual(expect.arrayContaining(references));
    const publicView = await ctx.request<Page>({ method: 'GET', url: `${base}?pageSize=100` });
    expect(publicView.body.items.map((c) => c.reference)).not.toEqual(expect.arrayContaining([references[0]]));

    const again = await ctx.request<Problem>({ method: 'POST', url: `${base}/imports/${preview.body.importId}/commit`, token: admin });
    expect(again.status).toBe(409);
    const audit = await ctx.sql.query(`select 1 from audit_events where action = 'contract.import-committed' and target_id = $1`, [preview.body.importId]);
    expect(audit.rowCount).toBe(1);
  });

  it('commits all or nothing: a reference already used by the commune fails the whole commit', async () => {
    const existing = await createDraft({ reference: uniqueRef('N°020') });
    const fresh = [uniqueRef('N°021'), uniqueRef('N°022')];
    const file = csvFile([line(fresh[0]), line(existing.reference.toLowerCase()), line(fresh[1])]);
    const preview = await ctx.upload<Preview>({ url: `${base}/imports`, token: editor, ...file });
    expect(preview.body.errors).toEqual([]);

    const before = await contractCount();
    const refused = await ctx.request<Problem>({ method: 'POST', url: `${base}/imports/${preview.body.importId}/commit`, token: editor });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contract.reference-exists');
    expect(refused.body.detail).toContain(`${existing.reference.toLowerCase()} (line 3)`);
    expect(await contractCount()).toBe(before);
    const stored = await ctx.sql.query(`select 1 from contracts where reference = any($1)`, [fresh]);
    expect(stored.rowCount).toBe(0);

    // Once the conflicting draft is gone, the same preview commits in full.
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${existing.id}`, token: editor })).status).toBe(204);
    const commit = await ctx.request<{ created: number }>({ method: 'POST', url: `${base}/imports/${preview.body.importId}/commit`, token: editor });
    expect(commit.body.created).toBe(3);
  });

  it('refuses unreadable, oversized and malformed uploads with clear errors, and keeps nothing', async () => {
    const before = await ctx.fingerprint();
    const pdf = await ctx.upload<Problem>({ url: `${base}/imports`, token: editor, fileName: 'marches.pdf', bytes: Buffer.from('%PDF-1.7\n% liste des marchés\n') });
    expect(pdf.status).toBe(422);
    expect(pdf.body).toMatchObject({ code: 'contract.import-unreadable', detail: 'Un PDF ne peut pas être importé : utilisez le tableau Excel (.xlsx) ou CSV' });
    const empty = await ctx.upload<Problem>({ url: `${base}/imports`, token: editor, fileName: 'vide.csv', bytes: Buffer.alloc(0) });
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toBe('Le fichier est vide');

    const tooLarge = await ctx.upload<Problem>({ url: `${base}/imports`, token: editor, fileName: 'enorme.csv', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('contract.import-too-large');

    const notMultipart = await ctx.request<Problem>({ method: 'POST', url: `${base}/imports`, token: editor, body: { file: 'x' } });
    expect(notMultipart.status).toBe(415);
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('validates a contract entered by hand', async () => {
    const number = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { reference: 'X', object: 'Y', procurementMethod: 'open', category: 'works', awardeeName: 'Z', amount: 1000, awardDate: '2025-01-01' } });
    expect(number.status).toBe(400);
    expect(number.body.detail).toContain('amount must be a whole number of francs CFA');
    const badDate = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { reference: 'X', object: 'Y', procurementMethod: 'open', category: 'works', awardeeName: 'Z', amount: '1000', awardDate: '2025-02-30' } });
    expect(badDate.status).toBe(400);
    const period = await ctx.request<Problem>({
      method: 'POST',
      url: base,
      token: editor,
      body: { reference: uniqueRef('P'), object: 'Y', procurementMethod: 'open', category: 'works', awardeeName: 'Z', amount: '1000', awardDate: '2025-01-01', startDate: '2025-06-01', endDate: '2025-05-01' },
    });
    expect(period.body.code).toBe('contract.invalid-period');
    const taken = await createDraft();
    const same = await ctx.request<Problem>({
      method: 'POST',
      url: base,
      token: editor,
      body: { reference: taken.reference.toUpperCase(), object: 'Y', procurementMethod: 'open', category: 'works', awardeeName: 'Z', amount: '1000', awardDate: '2025-01-01' },
    });
    expect(same.status).toBe(409);
    expect(same.body.code).toBe('contract.reference-exists');
    const other = await createDraft();
    const renamed = await ctx.request<Problem>({ method: 'PATCH', url: `${base}/${other.id}`, token: editor, body: { reference: taken.reference } });
    expect(renamed.body.code).toBe('contract.reference-exists');
  });

  it('publishes: the public then reads it, a draft stays invisible to the public and to another commune; only the status changes afterwards', async () => {
    const signed = await ctx.newDocument('cotonou', { state: 'published' });
    const draft = await createDraft({ documentIds: [signed.id] });
    expect(draft.documents?.map((d) => d.id)).toEqual([signed.id]);

    expect((await ctx.request({ method: 'GET', url: `${base}/${draft.id}` })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${base}/${draft.id}`, token: otherAdmin })).status).toBe(404);
    expect((await ctx.request<Page>({ method: 'GET', url: `${base}?pageSize=100`, token: otherAdmin })).body.items.map((c) => c.id)).not.toContain(draft.id);
    expect((await ctx.request({ method: 'PATCH', url: `${base}/${draft.id}`, token: otherAdmin, body: { status: 'cancelled' } })).status).toBe(404);
    // A draft is corrected freely.
    const corrected = await ctx.request<Contract>({ method: 'PATCH', url: `${base}/${draft.id}`, token: editor, body: { amount: '186500000', fundingSource: null } });
    expect(corrected.body).toMatchObject({ amount: '186500000', state: 'draft' });

    const published = await publish(draft.id);
    expect(published).toMatchObject({ state: 'published' });
    const publicView = await ctx.request<Contract>({ method: 'GET', url: `${base}/${draft.id}` });
    expect(publicView.status).toBe(200);
    expect(publicView.body).toMatchObject({ amount: '186500000', awardDate: '2025-02-10', documents: [expect.objectContaining({ id: signed.id })] });

    const changeAmount = await ctx.request<Problem>({ method: 'PATCH', url: `${base}/${draft.id}`, token: editor, body: { amount: '1' } });
    expect(changeAmount.status).toBe(409);
    expect(changeAmount.body.detail).toContain('amount');
    const terminated = await ctx.request<Contract>({ method: 'PATCH', url: `${base}/${draft.id}`, token: admin, body: { status: 'terminated', amount: '186500000' } });
    expect(terminated.body).toMatchObject({ status: 'terminated', amount: '186500000' });
    const audit = await ctx.sql.query<{ details: { from: string; to: string } }>(`select details from audit_events where action = 'contract.status-changed' and target_id = $1`, [draft.id]);
    expect(audit.rows.map((row) => row.details)).toEqual([expect.objectContaining({ from: 'active', to: 'terminated' })]);
    const outbox = await ctx.sql.query(`select 1 from search_outbox where record_id = $1`, [`contract:${draft.id}`]);
    expect(outbox.rowCount).toBe(2); // publication, then status change

    expect((await ctx.request<Problem>({ method: 'DELETE', url: `${base}/${draft.id}`, token: editor })).status).toBe(409);
    await expect(ctx.sql.query(`update contracts set amount = 1 where id = $1`, [draft.id])).rejects.toThrow(/only change its status/);
    await expect(ctx.sql.query(`delete from contracts where id = $1`, [draft.id])).rejects.toThrow(/cannot be deleted/);

    // Several at once; already published ones are left as they are.
    const more = [await createDraft(), await createDraft()];
    const many = await ctx.request<Contract[]>({ method: 'POST', url: `${base}/publish`, token: editor, body: { ids: [...more.map((c) => c.id), draft.id] } });
    expect(many.status).toBe(200);
    expect(many.body.map((c) => c.state)).toEqual(['published', 'published', 'published']);
    expect(many.body.find((c) => c.id === draft.id)?.status).toBe('terminated');
  });

  it('filters, sorts and pages the list', async () => {
    const slug = 'abomey-calavi';
    const url = `/api/v1/communes/${slug}/contracts`;
    const specs = [
      { object: 'Construction de modules de classes à Togba', category: 'works', procurementMethod: 'open', awardeeName: 'Entreprise Houénou & Fils SARL', amount: '96000000', awardDate: '2024-05-14' },
      { object: 'Fourniture de tables-bancs', category: 'goods', procurementMethod: 'limited', awardeeName: 'Ets Dossou Mobilier', amount: '14500000', awardDate: '2025-01-09' },
      { object: 'Collecte des déchets ménagers', category: 'services', procurementMethod: 'selective', awardeeName: 'GIE Zéro Déchet', amount: '36000000', awardDate: '2025-03-02', status: 'pending' },
    ];
    for (const spec of specs) await publish((await createDraft(spec, calaviEditor, url)).id, calaviEditor, url);
    const list = async (query: string) => (await ctx.request<Page>({ method: 'GET', url: `${url}?${query}` })).body;

    expect((await list('awardee=HOUENOU')).items.map((c) => c.awardeeName)).toEqual(['Entreprise Houénou & Fils SARL']);
    expect((await list('awardee=%25')).total).toBe(0); // "%" is a character to look for, not a wildcard
    expect((await list('year=2025')).items.map((c) => c.awardDate)).toEqual(['2025-03-02', '2025-01-09']);
    expect((await list('category=goods')).total).toBe(1);
    expect((await list('procurementMethod=selective')).items[0].awardeeName).toBe('GIE Zéro Déchet');
    expect((await list('status=pending')).total).toBe(1);
    expect((await list('amountMin=20000000&amountMax=50000000')).items.map((c) => c.amount)).toEqual(['36000000']);
    expect((await list('sort=amount')).items.map((c) => c.amount)).toEqual(['14500000', '36000000', '96000000']);
    const paged = await list('sort=-amount&pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((c) => c.amount)).toEqual(['14500000']);
    const bad = await ctx.request<Problem>({ method: 'GET', url: `${url}?sort=price&amountMin=-5` });
    expect(bad.status).toBe(400);
  });

  it('exports published contracts as OCDS, per commune and nationally, valid against the official schema', async () => {
    const none = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/communes/akpro-misserete/contracts.ocds.json' });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('contract.no-open-data');

    const signed = await ctx.newDocument('cotonou', { state: 'published' });
    const withDocument = await createDraft({ documentIds: [signed.id] });
    await publish(withDocument.id);
    const hidden = await createDraft();

    const cotonou = await ctx.request<ReleasePackage>({ method: 'GET', url: '/api/v1/communes/cotonou/contracts.ocds.json', token: editor });
    expect(cotonou.status).toBe(200);
    expect(validateReleasePackage(cotonou.body)).toEqual({ valid: true, errors: [] });
    expect(cotonou.body.uri).toBe('http://localhost:3000/api/v1/communes/cotonou/contracts.ocds.json');
    expect(cotonou.body.publisher.name).toBe('Communes+ — ANCB');
    const ocids = cotonou.body.releases.map((release) => release.ocid);
    expect(ocids).toContain(`ocds-cmnsbj-cotonou-${withDocument.id}`);
    // The staff asked, yet drafts stay out of open data.
    expect(ocids).not.toContain(`ocds-cmnsbj-cotonou-${hidden.id}`);
    const release = cotonou.body.releases.find((r) => r.ocid.endsWith(withDocument.id));
    expect(release?.contracts[0].documents?.[0].url).toBe(`http://localhost:3000/api/v1/communes/cotonou/documents/${signed.id}/versions/${signed.versionId}/download`);

    const calavi = await createDraft({}, calaviEditor, '/api/v1/communes/abomey-calavi/contracts');
    await publish(calavi.id, calaviEditor, '/api/v1/communes/abomey-calavi/contracts');
    const national = await ctx.request<ReleasePackage>({ method: 'GET', url: '/api/v1/contracts.ocds.json' });
    expect(national.status).toBe(200);
    expect(validateReleasePackage(national.body)).toEqual({ valid: true, errors: [] });
    const nationalOcids = national.body.releases.map((r) => r.ocid);
    expect(nationalOcids).toEqual(expect.arrayContaining([`ocds-cmnsbj-cotonou-${withDocument.id}`, `ocds-cmnsbj-abomey-calavi-${calavi.id}`]));
    expect(nationalOcids).not.toContain(`ocds-cmnsbj-cotonou-${hidden.id}`);
    expect(new Set(national.body.releases.map((r) => r.buyer.name))).toEqual(new Set(['Cotonou', 'Abomey-Calavi']));
    expect(national.body.releases).toHaveLength((await ctx.sql.query(`select 1 from contracts where state = 'published'`)).rowCount ?? -1);
  });

  it("lets search find a published contract by its awardee's name, never a draft", async () => {
    const published = await createDraft({ awardeeName: 'Société Kpèdékpo Forages SARL', object: 'Réalisation de deux forages à Godomey' });
    await publish(published.id);
    await createDraft({ awardeeName: 'Entreprise Tchégnon Confidentiel', object: 'Marché non publié' });
    await ctx.app.get(SearchIndexer).drain();

    const found = await ctx.request<SearchResult>({ method: 'GET', url: '/api/v1/search?q=kpedekpo' });
    expect(found.body.hits.map((hit) => hit.record)).toEqual([
      expect.objectContaining({ id: `contract:${published.id}`, kind: 'contract', url: `/communes/cotonou/contracts/${published.id}` }),
    ]);
    expect((await ctx.request<SearchResult>({ method: 'GET', url: '/api/v1/search?q=tchegnon' })).body.hits).toEqual([]);
  });
});
