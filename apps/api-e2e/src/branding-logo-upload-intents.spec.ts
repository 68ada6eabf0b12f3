import { UploadIntentSweeper } from '@communes/api-documents';
import { DocumentStorage, objectKeyPrefixFor, parseObjectKey } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

/**
 * A commune's logo goes through upload intents like documents and photos: an upload cut anywhere
 * (the object write fails, the database write fails after it, the process dies in between)
 * leaves no object that the sweeper does not remove, and a replaced logo's object goes too.
 */
describe('commune logo: upload intents and the orphan sweeper', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const WEBP = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
  let ctx: TestContext;
  let admin: string;
  let ancb: string;
  let storage: DocumentStorage;
  let sweeper: UploadIntentSweeper;

  beforeAll(async () => {
    ctx = await TestContext.create();
    admin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'admin' }] }));
    ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
    storage = ctx.app.get(DocumentStorage);
    sweeper = ctx.app.get(UploadIntentSweeper);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const put = (bytes: Buffer, slug = 'cotonou', token = admin) =>
    ctx.upload<{ logoUrl: string | null }>({ url: `/api/v1/communes/${slug}/logo`, token, fileName: 'logo', bytes });
  const intents = async () => (await ctx.sql.query<{ object_key: string }>('select object_key from upload_intents order by object_key')).rows.map((r) => r.object_key);
  const objects = async (slug = 'cotonou') => {
    const keys: string[] = [];
    for await (const key of storage.list(objectKeyPrefixFor(await ctx.communeId(slug), 'branding'))) keys.push(key);
    return keys.sort();
  };
  const current = async (slug = 'cotonou') =>
    (await ctx.sql.query<{ key: string | null }>(`select logo_object_key as key from commune_profiles p join communes c on c.id = p.commune_id where c.slug = $1`, [slug])).rows[0]?.key ?? null;
  /** What the sweeper finds an hour later. */
  const sweepLater = async () => {
    await ctx.sql.query(`update upload_intents set created_at = now() - interval '2 hours'`);
    return sweeper.runOnce();
  };
  const served = async () => (await ctx.request({ method: 'GET', url: '/api/v1/communes/cotonou/logo' })).raw;

  it('uploads, replaces and removes a logo leaving no intent and only the object in use', async () => {
    expect((await put(PNG)).status).toBe(200);
    const first = await current();
    expect(await objects()).toEqual([first]);
    expect((await put(WEBP)).status).toBe(200);
    const second = await current();
    expect(second).not.toBe(first);
    expect(await objects()).toEqual([second]);
    // The same bytes again are a new object; the one they replace goes.
    expect((await put(WEBP)).status).toBe(200);
    expect(await objects()).toEqual([await current()]);
    expect(await intents()).toEqual([]);

    expect((await ctx.request({ method: 'DELETE', url: '/api/v1/communes/cotonou/logo', token: admin })).status).toBe(200);
    expect(await objects()).toEqual([]);
    expect(await intents()).toEqual([]);
  });

  it('leaves nothing behind when the object write fails, and keeps the logo in place', async () => {
    expect((await put(PNG)).status).toBe(200);
    const logo = await current();
    jest.spyOn(storage, 'put').mockRejectedValueOnce(new Error('storage unreachable'));
    expect((await put(WEBP)).status).toBe(500);
    expect(await current()).toBe(logo);
    expect(await objects()).toEqual([logo]);
    expect(await intents()).toEqual([]);
    expect((await served()).equals(PNG)).toBe(true);
  });

  it('removes the object of an upload whose database write failed and whose cleanup died with it, once swept', async () => {
    const logo = await current();
    // The logo change itself fails in the database, after the object was written…
    await ctx.sql.query(`create function refuse_logo() returns trigger language plpgsql as $$ begin raise exception 'database went away'; end $$`);
    await ctx.sql.query(`create trigger refuse_logo before update on commune_profiles for each row execute function refuse_logo()`);
    // …and the process dies before removing it: its cleanup does not happen.
    jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('killed'));
    try {
      expect((await put(WEBP)).status).toBe(500);
    } finally {
      await ctx.sql.query(`drop trigger refuse_logo on commune_profiles; drop function refuse_logo()`);
    }
    const [orphan] = await intents();
    expect(orphan).toMatch(/\/branding\/logo-[0-9a-f-]{36}\.webp$/);
    expect(await objects()).toEqual([logo, orphan].sort());

    expect(await sweepLater()).toBe(1);
    expect(await objects()).toEqual([logo]);
    expect(await intents()).toEqual([]);
    expect((await served()).equals(PNG)).toBe(true);
  });

  it('lets the sweeper remove a replaced logo whose removal failed, and never the logo in use', async () => {
    const old = await current();
    jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('storage unreachable'));
    expect((await put(WEBP)).status).toBe(200);
    const logo = await current();
    expect(await intents()).toEqual([old]);
    expect(await objects()).toEqual([old, logo].sort());

    expect(await sweepLater()).toBe(1);
    expect(await objects()).toEqual([logo]);
    expect(await intents()).toEqual([]);
    expect((await served()).equals(WEBP)).toBe(true);
  });

  it('keeps one object when two replacements race: the second replaces the first', async () => {
    const responses = await Promise.all([put(PNG), put(WEBP), put(PNG)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await objects()).toEqual([await current()]);
    expect(await intents()).toEqual([]);
  });

  it('lets ANCB upload and replace the logo of a commune it onboards, through intents too', async () => {
    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'ouidah' } })).status).toBe(201);
    expect((await put(PNG, 'ouidah', ancb)).status).toBe(200);
    expect((await put(WEBP, 'ouidah', ancb)).status).toBe(200);
    expect(await objects('ouidah')).toEqual([await current('ouidah')]);
    expect(await intents()).toEqual([]);
    // Once the commune is live, the logo is its admins' alone (CASL and the database agree).
    expect((await ctx.request({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'active' } })).status).toBe(200);
    expect((await put(PNG, 'ouidah', ancb)).status).toBe(403);
    const ouidah = await ctx.communeId('ouidah');
    await ctx.sql.query('begin');
    try {
      await ctx.sql.query(`set local role communes_app`);
      await ctx.sql.query(`select set_config('app.scope', 'platform', true), set_config('app.commune_id', $1, true)`, [ouidah]);
      await expect(ctx.sql.query(`insert into upload_intents (commune_id, object_key) values ($1, $2)`, [ouidah, `communes/${ouidah}/branding/logo-x.png`])).rejects.toThrow(/row-level security/);
    } finally {
      await ctx.sql.query('rollback');
    }
    expect(parseObjectKey((await current('ouidah')) ?? '')).toContain('/branding/');
  });
});
