import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { DocumentTextWorker } from '@communes/api-documents';
import { TestContext } from '@communes/api-testing';

interface Problem {
  status: number;
  code: string;
  detail: string;
}
interface DocumentBody {
  id: string;
  state: string;
  withdrawalReason: string | null;
  versions: { id: string; versionNumber: number; sha256: string; sizeBytes: string; publishedAt: string | null; mediaType: string; fileName: string }[];
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

describe('documents: upload, versions, publish, withdraw, download', () => {
  let ctx: TestContext;
  let editor: string;
  let otherAdmin: string;
  const base = '/api/v1/communes/cotonou/documents';

  beforeAll(async () => {
    ctx = await TestContext.create({ MAX_UPLOAD_BYTES: String(512 * 1024) });
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    otherAdmin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'admin' }] }));
  });
  afterAll(() => ctx.close());

  const createDraft = async (title = 'Budget primitif 2025') =>
    (await ctx.request<{ id: string }>({ method: 'POST', url: base, token: editor, body: { category: 'budget_primitif', fiscalYear: 2025, title } })).body.id;

  it('keeps drafts to the staff, publishes with every version visible, extracts the text, withdraws with a reason', async () => {
    const id = await createDraft();
    const first = await pdf('Budget primitif 2025 de la commune de Cotonou. Construction de salles de classe.');
    const upload = await ctx.upload<{ versionNumber: number; sha256: string }>({ url: `${base}/${id}/versions`, token: editor, fileName: 'budget 2025.pdf', bytes: first });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ versionNumber: 1, sha256: createHash('sha256').update(first).digest('hex') });

    // A draft is invisible to everyone but the commune's staff.
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}` })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, token: otherAdmin })).status).toBe(404);
    expect((await ctx.request<unknown[]>({ method: 'GET', url: base })).body).toEqual([]);
    expect((await ctx.request<unknown[]>({ method: 'GET', url: base, token: editor })).body).toHaveLength(1);

    const published = await ctx.request<DocumentBody>({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');

    // A new version: published versions stay, each with its own bytes.
    const second = await pdf('Budget primitif 2025, version corrigée après délibération.');
    await ctx.upload({ url: `${base}/${id}/versions`, token: editor, fileName: 'budget-2025-v2.pdf', bytes: second });
    await ctx.request({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
    const publicView = await ctx.request<DocumentBody>({ method: 'GET', url: `${base}/${id}` });
    expect(publicView.body.versions.map((v) => v.versionNumber)).toEqual([2, 1]);

    const v1 = publicView.body.versions[1];
    const download = await ctx.request({ method: 'GET', url: `${base}/${id}/versions/${v1.id}/download` });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain('budget 2025.pdf');
    expect(createHash('sha256').update(download.raw).digest('hex')).toBe(v1.sha256);

    // Text extraction runs in the background and feeds the search outbox.
    expect(await ctx.app.get(DocumentTextWorker).runOnce()).toBe(2);
    const text = await ctx.sql.query<{ text_status: string; text_content: string; page_count: number }>(
      `select text_status, text_content, page_count from document_versions where document_id = $1 order by version_number`,
      [id],
    );
    expect(text.rows[0]).toMatchObject({ text_status: 'done', page_count: 1 });
    expect(text.rows[0].text_content).toContain('Construction de salles de classe');
    const outbox = await ctx.sql.query(`select record_id from search_outbox where record_id = $1`, [`document:${id}`]);
    expect(outbox.rowCount).toBeGreaterThanOrEqual(2);

    // Withdrawing keeps a public trace with the reason; the files are no longer served.
    const noReason = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/withdraw`, token: editor, body: {} });
    expect(noReason.status).toBe(400);
    const withdrawn = await ctx.request<DocumentBody>({ method: 'POST', url: `${base}/${id}/withdraw`, token: editor, body: { reason: 'Remplacé par le budget rectifié' } });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Remplacé par le budget rectifié' });
    const trace = await ctx.request<DocumentBody>({ method: 'GET', url: `${base}/${id}` });
    expect(trace.body).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Remplacé par le budget rectifié' });
    expect(trace.body.versions).toHaveLength(2);
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}/${id}/versions/${v1.id}/download` })).status).toBe(410);
  });

  it('never overwrites or deletes a published version, even at the database level', async () => {
    const id = await createDraft('Compte administratif 2024');
    await ctx.upload({ url: `${base}/${id}/versions`, token: editor, fileName: 'ca.pdf', bytes: await pdf('Compte administratif') });
    await ctx.request({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
    await expect(ctx.sql.query(`update document_versions set sha256 = repeat('0', 64) where document_id = $1`, [id])).rejects.toThrow(/cannot be changed/);
    await expect(ctx.sql.query(`delete from document_versions where document_id = $1`, [id])).rejects.toThrow(/cannot be deleted/);
  });

  it('refuses a file whose bytes lie about its type, and leaves nothing behind', async () => {
    const id = await createDraft();
    const before = await ctx.sql.query('select count(*)::int as n from document_versions');
    const lying = await ctx.upload<Problem>({ url: `${base}/${id}/versions`, token: editor, fileName: 'budget.pdf', bytes: Buffer.from('MZ\x90\x00 this is a Windows program'), contentType: 'application/pdf' });
    expect(lying.status).toBe(415);
    expect(lying.body.code).toBe('document.unsupported-type');
    const html = await ctx.upload<Problem>({ url: `${base}/${id}/versions`, token: editor, fileName: 'budget.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(html.status).toBe(415);
    const after = await ctx.sql.query('select count(*)::int as n from document_versions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses an upload past the size limit with 413, and leaves nothing behind', async () => {
    const id = await createDraft();
    const before = await ctx.fingerprint();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600 * 1024, 0x20)]);
    const response = await ctx.upload<Problem>({ url: `${base}/${id}/versions`, token: editor, fileName: 'enorme.pdf', bytes: big });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('document.too-large');
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('explains what is wrong with a bad upload request', async () => {
    const id = await createDraft();
    const notMultipart = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/versions`, token: editor, body: { file: 'x' } });
    expect(notMultipart.status).toBe(415);
    const empty = await ctx.upload<Problem>({ url: `${base}/${id}/versions`, token: editor, fileName: 'vide.pdf', bytes: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    const nothing = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
    expect(nothing.body.code).toBe('document.nothing-to-publish');
    const badCategory = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { category: 'budget', title: 'x' } });
    expect(badCategory.status).toBe(400);
  });
});
