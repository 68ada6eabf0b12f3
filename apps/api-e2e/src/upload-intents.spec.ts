import { DataScope, TenantTransaction, UploadIntentsRepository } from '@communes/api-database';
import { objectKeyFor } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

/**
 * The upload intents every feature writing to storage shares (documents, feedback photos, news
 * covers, logos): its statements, through the tenant transaction, under the table's policies.
 */
describe('upload intents: the shared repository', () => {
  let ctx: TestContext;
  let tx: TenantTransaction;
  let intents: UploadIntentsRepository;
  let cotonou: string;
  let porto: string;
  let citizen: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    tx = ctx.app.get(TenantTransaction);
    intents = ctx.app.get(UploadIntentsRepository);
    cotonou = await ctx.communeId('cotonou');
    porto = await ctx.communeId('porto-novo');
    citizen = (await ctx.newUser()).id;
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.sql.query('delete from upload_intents'));

  const stored = async () =>
    (await ctx.sql.query<{ commune_id: string; object_key: string }>('select commune_id, object_key from upload_intents order by object_key')).rows.map((r) => [r.commune_id, r.object_key]);
  const as = <T>(scope: DataScope, communeId: string | null, work: () => Promise<T>, userId: string | null = null) => tx.run({ communeId, userId, scope }, work);
  const key = (communeId: string, feature: string, name: string) => objectKeyFor(communeId, feature, '00000000-0000-4000-8000-000000000001', name);

  it('records and forgets an intent of the transaction’s commune, as its staff', async () => {
    const [a, b] = [key(cotonou, 'documents', 'a.pdf'), key(cotonou, 'news', 'b.jpg')];
    await as('staff', cotonou, async () => {
      await intents.record(cotonou, a);
      await intents.record(cotonou, b);
    });
    expect(await stored()).toEqual([[cotonou, a], [cotonou, b]].sort((x, y) => x[1].localeCompare(y[1])));
    await as('staff', cotonou, () => intents.forget(cotonou, a));
    expect(await stored()).toEqual([[cotonou, b]]);
    // Forgetting what is not there is no error (a failed upload's cleanup may run twice).
    await as('staff', cotonou, () => intents.forget(cotonou, a));
  });

  it('takes the commune first and refuses another than the transaction’s', async () => {
    await expect(as('staff', cotonou, () => intents.record(porto, key(porto, 'documents', 'x.pdf')))).rejects.toThrow(/scoped to commune/);
    await expect(as('staff', cotonou, () => intents.forget(porto, key(porto, 'documents', 'x.pdf')))).rejects.toThrow(/scoped to commune/);
    expect(await stored()).toEqual([]);
  });

  it('lets no one else see or forget a commune’s intents: another commune’s staff, the public', async () => {
    const own = key(cotonou, 'documents', 'own.pdf');
    await as('staff', cotonou, () => intents.record(cotonou, own));
    // Porto-Novo's staff deleting by Cotonou's key: the policy hides the row, nothing happens.
    await as('staff', porto, () => tx.query('delete from upload_intents where object_key = $1', [own]));
    await as('public', cotonou, () => tx.query('delete from upload_intents where object_key = $1', [own]), citizen);
    expect(await as('public', cotonou, () => tx.query('select * from upload_intents'), citizen)).toEqual([]);
    expect(await stored()).toEqual([[cotonou, own]]);
  });

  it('lets a signed-in citizen record the keys of feedback photos only', async () => {
    const photo = key(cotonou, 'feedback-photos', 'p.jpg');
    await as('public', cotonou, () => intents.record(cotonou, photo), citizen);
    await expect(as('public', cotonou, () => intents.record(cotonou, key(cotonou, 'documents', 'd.pdf')), citizen)).rejects.toThrow(/row-level security/);
    await expect(as('public', cotonou, () => intents.record(cotonou, key(cotonou, 'feedback-photos', 'anon.jpg')))).rejects.toThrow(/row-level security/);
    await as('public', cotonou, () => intents.forget(cotonou, photo), citizen);
    expect(await stored()).toEqual([]);
  });

  it('gives the worker the expired intents of every commune, oldest first, and removes them by key', async () => {
    const [old, older, recent] = [key(cotonou, 'documents', 'old.pdf'), key(porto, 'news', 'older.jpg'), key(cotonou, 'documents', 'recent.pdf')];
    await ctx.sql.query(
      `insert into upload_intents (commune_id, object_key, created_at)
       values ($1, $2, now() - interval '2 hours'), ($3, $4, now() - interval '3 hours'), ($1, $5, now())`,
      [cotonou, old, porto, older, recent],
    );
    const worker = <T>(work: () => Promise<T>) => as('worker', null, work);
    expect(await worker(() => intents.expired(3600, 10))).toEqual([{ communeId: porto, objectKey: older }, { communeId: cotonou, objectKey: old }]);
    expect(await worker(() => intents.expired(3600, 1))).toEqual([{ communeId: porto, objectKey: older }]);
    await worker(() => intents.remove(older));
    expect(await worker(() => intents.expired(3600, 10))).toEqual([{ communeId: cotonou, objectKey: old }]);
    // The worker may read and delete, never write one.
    await expect(worker(() => tx.query('insert into upload_intents (commune_id, object_key) values ($1, $2)', [cotonou, key(cotonou, 'documents', 'w.pdf')]))).rejects.toThrow(/row-level security/);
    // Outside a tenant transaction, nothing runs.
    await expect(intents.expired(3600, 10)).rejects.toThrow(/No tenant transaction/);
    expect((await stored()).map(([, k]) => k).sort()).toEqual([old, recent].sort());
  });
});
