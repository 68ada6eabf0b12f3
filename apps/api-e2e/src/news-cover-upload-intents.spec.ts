import sharp from 'sharp';
import { UploadIntentSweeper } from '@communes/api-documents';
import { DocumentStorage, objectKeyPrefixFor, parseObjectKey } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

/**
 * A news article's cover goes through upload intents, the new one and the one it replaces: the
 * replaced cover's key is recorded in the transaction that replaces it, its object removed after
 * the commit, or by the sweeper when that fails; an upload cut anywhere leaves nothing the sweeper
 * does not remove, and the cover in use is never touched.
 */
describe('news cover: upload intents and the orphan sweeper', () => {
  const base = '/api/v1/communes/cotonou/news';
  let ctx: TestContext;
  let editor: string;
  let storage: DocumentStorage;
  let sweeper: UploadIntentSweeper;
  let id: string;

  const image = (background: string, format: 'png' | 'jpeg' | 'webp' = 'png') =>
    sharp({ create: { width: 40, height: 20, channels: 3, background } }).toFormat(format).toBuffer();

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    storage = ctx.app.get(DocumentStorage);
    sweeper = ctx.app.get(UploadIntentSweeper);
    const draft = await ctx.request<{ id: string }>({ method: 'POST', url: base, token: editor, body: { title: 'Curage des caniveaux à Akpakpa', body: 'Les travaux commencent lundi.' } });
    expect(draft.status).toBe(201);
    id = draft.body.id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => ctx.close());

  const put = async (bytes: Buffer) => ctx.upload<{ cover: { url: string } | null }>({ url: `${base}/${id}/cover`, token: editor, fileName: 'cover.png', bytes });
  const intents = async () => (await ctx.sql.query<{ object_key: string }>('select object_key from upload_intents order by object_key')).rows.map((r) => r.object_key);
  const objects = async () => {
    const keys: string[] = [];
    for await (const key of storage.list(objectKeyPrefixFor(await ctx.communeId('cotonou'), 'news'))) keys.push(key);
    return keys.sort();
  };
  const current = async () => (await ctx.sql.query<{ key: string | null }>('select cover_object_key as key from news where id = $1', [id])).rows[0]?.key ?? null;
  /** What the sweeper finds an hour later. */
  const sweepLater = async () => {
    await ctx.sql.query(`update upload_intents set created_at = now() - interval '2 hours'`);
    return sweeper.runOnce();
  };
  /** The cover served is the object the article names. */
  const servesCurrent = async () => {
    const key = await current();
    const article = await ctx.request<{ cover: { url: string } | null }>({ method: 'GET', url: `${base}/${id}`, token: editor });
    const served = await ctx.request({ method: 'GET', url: article.body.cover?.url ?? '', token: editor });
    expect(served.status).toBe(200);
    const stored: Buffer[] = [];
    for await (const chunk of await storage.get(parseObjectKey(key ?? ''))) stored.push(chunk as Buffer);
    return served.raw.equals(Buffer.concat(stored));
  };

  it('sets and replaces a cover leaving no intent and only the object in use', async () => {
    expect((await put(await image('#2a6'))).status).toBe(200);
    const first = await current();
    expect(await objects()).toEqual([first]);
    expect(await intents()).toEqual([]);
    expect((await put(await image('#a26', 'jpeg'))).status).toBe(200);
    const second = await current();
    expect(second).not.toBe(first);
    expect(await objects()).toEqual([second]);
    expect(await intents()).toEqual([]);
    expect(await servesCurrent()).toBe(true);
  });

  it('lets the sweeper remove a replaced cover whose removal failed, and never the cover in use', async () => {
    const old = await current();
    jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('storage unreachable'));
    expect((await put(await image('#26a', 'webp'))).status).toBe(200);
    const cover = await current();
    expect(cover).not.toBe(old);
    expect(await intents()).toEqual([old]);
    expect(await objects()).toEqual([old, cover].sort());

    expect(await sweepLater()).toBe(1);
    expect(await objects()).toEqual([cover]);
    expect(await intents()).toEqual([]);
    expect(await current()).toBe(cover);
    expect(await servesCurrent()).toBe(true);
  });

  it('leaves nothing behind when the object write fails, and keeps the cover in place', async () => {
    const cover = await current();
    jest.spyOn(storage, 'put').mockRejectedValueOnce(new Error('storage unreachable'));
    expect((await put(await image('#666'))).status).toBe(500);
    expect(await current()).toBe(cover);
    expect(await objects()).toEqual([cover]);
    expect(await intents()).toEqual([]);
  });

  it('removes the object of an upload whose database write failed and whose cleanup died with it, once swept', async () => {
    const cover = await current();
    // The cover change fails in the database, after the object was written…
    await ctx.sql.query(`create function refuse_cover() returns trigger language plpgsql as $$ begin raise exception 'database went away'; end $$`);
    await ctx.sql.query(`create trigger refuse_cover before update on news for each row execute function refuse_cover()`);
    // …and the process dies before removing it: its cleanup does not happen.
    jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('killed'));
    try {
      expect((await put(await image('#999'))).status).toBe(500);
    } finally {
      await ctx.sql.query(`drop trigger refuse_cover on news; drop function refuse_cover()`);
    }
    const [orphan] = await intents();
    expect(orphan).toMatch(new RegExp(`/news/${id}/[0-9a-f-]{36}\\.\\w+$`));
    // The cover in use is not an intent: the transaction that recorded it was rolled back.
    expect(await intents()).toEqual([orphan]);
    expect(await objects()).toEqual([cover, orphan].sort());

    expect(await sweepLater()).toBe(1);
    expect(await objects()).toEqual([cover]);
    expect(await intents()).toEqual([]);
    expect(await servesCurrent()).toBe(true);
  });

  it('keeps one object when replacements race: each replaces the one before it', async () => {
    const images = await Promise.all([image('#111'), image('#222', 'jpeg'), image('#333', 'webp')]);
    const responses = await Promise.all(images.map(put));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await objects()).toEqual([await current()]);
    expect(await intents()).toEqual([]);
    expect(await servesCurrent()).toBe(true);
  });

  describe('removing the cover', () => {
    const remove = (token: string | null = editor) => ctx.request<{ cover: unknown; state: string } & { code?: string }>({ method: 'DELETE', url: `${base}/${id}/cover`, token });

    it('takes the cover off, removes its object, leaves no intent, audits it; a second removal has nothing to do', async () => {
      expect((await put(await image('#4a4'))).status).toBe(200);
      const cover = await current();
      expect(cover).not.toBeNull();
      const removed = await remove();
      expect(removed.status).toBe(200);
      expect(removed.body.cover).toBeNull();
      expect(await current()).toBeNull();
      expect(await objects()).toEqual([]);
      expect(await intents()).toEqual([]);
      expect((await ctx.request({ method: 'GET', url: `${base}/${id}/cover`, token: editor })).status).toBe(404);
      expect((await ctx.sql.query(`select 1 from audit_events where action = 'news.cover-removed' and target_id = $1`, [id])).rowCount).toBe(1);

      const again = await remove();
      expect(again.status).toBe(200);
      expect(again.body.cover).toBeNull();
      expect((await ctx.sql.query(`select 1 from audit_events where action = 'news.cover-removed' and target_id = $1`, [id])).rowCount).toBe(1);
    });

    it('a removal whose storage fails after the commit leaves an intent that the sweeper removes with the object', async () => {
      expect((await put(await image('#44a'))).status).toBe(200);
      const cover = await current();
      jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('storage unreachable'));
      expect((await remove()).status).toBe(200);
      expect(await current()).toBeNull();
      expect(await intents()).toEqual([cover]);
      expect(await objects()).toEqual([cover]);
      expect(await sweepLater()).toBe(1);
      expect(await objects()).toEqual([]);
      expect(await intents()).toEqual([]);
    });

    it('a removal refused by the database keeps the cover and its object', async () => {
      expect((await put(await image('#a44'))).status).toBe(200);
      const cover = await current();
      await ctx.sql.query(`create function refuse_cover() returns trigger language plpgsql as $$ begin raise exception 'database went away'; end $$`);
      await ctx.sql.query(`create trigger refuse_cover before update on news for each row execute function refuse_cover()`);
      try {
        expect((await remove()).status).toBe(500);
      } finally {
        await ctx.sql.query(`drop trigger refuse_cover on news; drop function refuse_cover()`);
      }
      expect(await current()).toBe(cover);
      expect(await objects()).toEqual([cover]);
      expect(await intents()).toEqual([]);
      expect(await servesCurrent()).toBe(true);
    });

    it('only the writers of the commune, and never on a withdrawn article', async () => {
      const cover = await current();
      const citizen = await ctx.tokenFor(await ctx.newUser());
      const moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
      const editorOfB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
      expect((await remove(null)).status).toBe(401);
      for (const token of [citizen, moderator, editorOfB]) expect([403, 404]).toContain((await remove(token)).status);
      expect(await current()).toBe(cover);

      const article = await ctx.request<{ id: string }>({ method: 'POST', url: base, token: editor, body: { title: 'Journée de salubrité', body: 'Samedi matin, dans tous les quartiers.' } });
      expect((await ctx.upload({ url: `${base}/${article.body.id}/cover`, token: editor, fileName: 'c.png', bytes: await image('#888') })).status).toBe(200);
      expect((await ctx.request({ method: 'POST', url: `${base}/${article.body.id}/publish`, token: editor, body: {} })).status).toBe(200);
      expect((await ctx.request({ method: 'POST', url: `${base}/${article.body.id}/withdraw`, token: editor, body: { reason: 'Date reportée à une semaine plus tard' } })).status).toBe(200);
      const refused = await ctx.request<{ code: string }>({ method: 'DELETE', url: `${base}/${article.body.id}/cover`, token: editor });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('news.withdrawn');
    });
  });
});
