import { Readable } from 'node:stream';
import { UploadIntentSweeper } from '@communes/api-documents';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

/**
 * An upload interrupted between the storage write and the database write (the process killed)
 * leaves no orphan object for long: its intent outlives it and the sweeper removes both.
 */
describe('documents: upload intents and the orphan sweeper', () => {
  let ctx: TestContext;
  let editor: string;
  let storage: DocumentStorage;
  let sweeper: UploadIntentSweeper;
  const base = '/api/v1/communes/cotonou/documents';

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    storage = ctx.app.get(DocumentStorage);
    sweeper = ctx.app.get(UploadIntentSweeper);
  });
  afterAll(() => ctx.close());

  const intents = async () => (await ctx.sql.query<{ object_key: string }>('select object_key from upload_intents order by object_key')).rows.map((r) => r.object_key);

  it('leaves no intent behind a successful or a refused upload', async () => {
    const id = (await ctx.request<{ id: string }>({ method: 'POST', url: base, token: editor, body: { category: 'arrete', title: 'Arrêté' } })).body.id;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect((await ctx.upload({ url: `${base}/${id}/versions`, token: editor, fileName: 'arrete.png', bytes: png })).status).toBe(201);
    expect((await ctx.upload({ url: `${base}/${id}/versions`, token: editor, fileName: 'arrete.pdf', bytes: Buffer.from('not a pdf at all') })).status).toBe(415);
    expect(await intents()).toEqual([]);
  });

  it('removes the object and the intent of an interrupted upload once the grace period is over, and only then', async () => {
    const communeId = await ctx.communeId('cotonou');
    const [old, recent] = ['old', 'recent'].map((name) => objectKeyFor(communeId, 'documents', '00000000-0000-4000-8000-000000000001', `${name}.pdf`));
    for (const key of [old, recent]) {
      await storage.put(key, Readable.from([Buffer.from('%PDF-1.4 interrupted')]), { size: 20, contentType: 'application/pdf' });
    }
    // What a killed upload leaves: the intent, committed before the object was written, and the object.
    await ctx.sql.query(
      `insert into upload_intents (commune_id, object_key, created_at) values ($1, $2, now() - interval '2 hours'), ($1, $3, now())`,
      [communeId, old, recent],
    );

    expect(await sweeper.runOnce()).toBe(1);
    expect(await storage.stat(old)).toBeNull();
    expect(await storage.stat(recent)).not.toBeNull();
    expect(await intents()).toEqual([recent]);

    // Sweeping again is harmless (idempotent), and a missing object is no error.
    await ctx.sql.query(`update upload_intents set created_at = now() - interval '2 hours'`);
    await storage.delete(recent);
    expect(await sweeper.runOnce()).toBe(1);
    expect(await intents()).toEqual([]);
  });
});
