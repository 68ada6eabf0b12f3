import { Readable } from 'node:stream';
import { Client } from 'pg';
import sharp from 'sharp';
import { UploadIntentSweeper } from '@communes/api-documents';
import { DocumentStorage, objectKeyFor, objectKeyPrefixFor } from '@communes/api-storage';
import { TestContext } from '@communes/api-testing';

interface Photo {
  id: string;
  url: string;
  position: number;
  mediaType: string;
  width: number;
  height: number;
  placeFilled: boolean;
}
interface Feedback {
  id: string;
  latitude: number | null;
  longitude: number | null;
  photos: { id: string; url: string; thumbnailUrl: string; mediaType: string; width: number; height: number }[];
}
interface Problem {
  status: number;
  code: string;
}

const base = '/api/v1/communes/cotonou/feedback';
const doleance = (overrides: Record<string, unknown> = {}) => ({
  kind: 'doleance',
  category: 'voirie',
  text: 'Un nid-de-poule énorme devant le marché Dantokpa, les zémidjans tombent.',
  visibility: 'public',
  ...overrides,
});

/** A photo as a phone takes it: EXIF with the camera and its GPS position (Cotonou, 6.370094 N 2.425 E). */
function phonePhoto(options: { width?: number; height?: number; format?: 'jpeg' | 'png' } = {}): Promise<Buffer> {
  const image = sharp({ create: { width: options.width ?? 120, height: options.height ?? 90, channels: 3, background: '#b85' } }).withExif({
    IFD0: { Make: 'Tecno', Model: 'Spark 10' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '6/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 25/1 3000/100' },
  });
  return (options.format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

describe('feedback photos', () => {
  let ctx: TestContext;
  let author: string;
  let other: string;
  let editor: string;
  let editorOfB: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    author = await ctx.tokenFor(await ctx.newUser());
    other = await ctx.tokenFor(await ctx.newUser());
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    editorOfB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
  });
  afterAll(() => ctx.close());

  async function send(token: string, overrides: Record<string, unknown> = {}): Promise<Feedback> {
    const response = await ctx.request<Feedback>({ method: 'POST', url: base, token, body: doleance(overrides) });
    expect(response.status).toBe(201);
    return response.body;
  }

  const addPhoto = (feedbackId: string, token: string | null, bytes: Buffer, options: { fileName?: string; contentType?: string; query?: string } = {}) =>
    ctx.upload<Photo & Problem>({
      url: `${base}/${feedbackId}/photos${options.query ?? ''}`,
      token,
      fileName: options.fileName ?? 'IMG_2026.jpg',
      bytes,
      contentType: options.contentType ?? 'image/jpeg',
    });

  it('stores a re-encoded photo without any EXIF or GPS, lists it with the feedback, serves it to everyone for public feedback, cached long once it can no longer be deleted', async () => {
    const feedback = await send(author, { place: 'Dantokpa' });
    const original = await phonePhoto();
    const added = await addPhoto(feedback.id, author, original);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ position: 1, mediaType: 'image/jpeg', width: 120, height: 90, placeFilled: false });
    expect(added.body.url).toBe(`${base}/${feedback.id}/photos/${added.body.id}`);

    // The stored object itself has no metadata.
    const [row] = (await ctx.sql.query<{ object_key: string }>('select object_key from feedback_photos where id = $1', [added.body.id])).rows;
    const storage = ctx.app.get(DocumentStorage);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(row.object_key as never)) chunks.push(chunk as Buffer);
    const stored = Buffer.concat(chunks);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from('Tecno'))).toBe(false);

    // Served through the API, anonymously, with its type; public caches keep it five minutes while
    // its author may still delete it, then a week.
    const served = await ctx.request({ method: 'GET', url: added.body.url });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toBe('public, max-age=300');
    await ctx.sql.query(`update feedback set created_at = now() - interval '25 hours' where id = $1`, [feedback.id]);
    const settled = await ctx.request({ method: 'GET', url: added.body.url });
    expect(settled.headers['cache-control']).toBe('public, max-age=604800, immutable');
    expect(settled.raw.equals(served.raw)).toBe(true);
    expect(served.raw.equals(stored)).toBe(true);
    expect((await sharp(served.raw).metadata()).exif).toBeUndefined();

    // Listed with the feedback, for anyone; the position was not kept (not shared).
    const read = await ctx.request<Feedback>({ method: 'GET', url: `${base}/${feedback.id}` });
    expect(read.body.photos).toEqual([{ id: added.body.id, url: added.body.url, thumbnailUrl: `${added.body.url}?size=small`, mediaType: 'image/jpeg', width: 120, height: 90 }]);
    expect(read.body).toMatchObject({ latitude: null, longitude: null });
    const list = await ctx.request<{ items: Feedback[] }>({ method: 'GET', url: base });
    expect(list.body.items.find((item) => item.id === feedback.id)?.photos).toHaveLength(1);
  });

  it('serves a small JPEG copy for lists, without metadata, under the same rules', async () => {
    const feedback = await send(author);
    const added = await addPhoto(feedback.id, author, await phonePhoto({ width: 1600, height: 1200, format: 'png' }));
    const small = await ctx.request({ method: 'GET', url: `${added.body.url}?size=small` });
    expect(small.status).toBe(200);
    expect(small.headers['content-type']).toBe('image/jpeg');
    expect(small.headers['cache-control']).toContain('public');
    const meta = await sharp(small.raw).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: 'jpeg', width: 320, height: 240, exif: undefined });
    const full = await ctx.request({ method: 'GET', url: added.body.url });
    expect(small.raw.length).toBeLessThan(full.raw.length);
    expect(small.headers['etag']).not.toBe(full.headers['etag']);
    expect((await ctx.request<Problem>({ method: 'GET', url: `${added.body.url}?size=huge` })).status).toBe(400);
    const privateOne = await send(author, { visibility: 'private' });
    const hidden = await addPhoto(privateOne.id, author, await phonePhoto());
    expect((await ctx.request({ method: 'GET', url: `${hidden.body.url}?size=small`, token: other })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${hidden.body.url}?size=small`, token: author })).status).toBe(200);
  });

  it('fills the position from the GPS only when the citizen shares the place and gave none', async () => {
    const notShared = await send(author);
    expect((await addPhoto(notShared.id, author, await phonePhoto())).body.placeFilled).toBe(false);
    expect((await ctx.request<Feedback>({ method: 'GET', url: `${base}/${notShared.id}`, token: author })).body).toMatchObject({ latitude: null, longitude: null });

    const shared = await send(author);
    const added = await addPhoto(shared.id, author, await phonePhoto(), { query: '?sharePlace=true' });
    expect(added.body.placeFilled).toBe(true);
    expect((await ctx.request<Feedback>({ method: 'GET', url: `${base}/${shared.id}`, token: author })).body).toMatchObject({ latitude: 6.370094, longitude: 2.425 });
    // The stored photo has no GPS even then: the position lives on the feedback only.
    const served = await ctx.request({ method: 'GET', url: added.body.url });
    expect((await sharp(served.raw).metadata()).exif).toBeUndefined();

    // A position the citizen gave is never replaced.
    const given = await send(author, { latitude: 6.4, longitude: 2.35 });
    expect((await addPhoto(given.id, author, await phonePhoto(), { query: '?sharePlace=true' })).body.placeFilled).toBe(false);
    expect((await ctx.request<Feedback>({ method: 'GET', url: `${base}/${given.id}`, token: author })).body).toMatchObject({ latitude: 6.4, longitude: 2.35 });

    expect((await addPhoto(given.id, author, await phonePhoto(), { query: '?sharePlace=oui' })).status).toBe(400);
  });

  it('judges the bytes, not the name: a text file named .jpg, a GIF, an SVG are refused with 415 problem+json and nothing is stored', async () => {
    const feedback = await send(author);
    const before = await ctx.fingerprint();
    const text = await addPhoto(feedback.id, author, Buffer.from('Ceci n’est pas une photo, juste du texte.'), { fileName: 'photo.jpg', contentType: 'image/jpeg' });
    expect(text.status).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
    expect(text.body.code).toBe('feedback.photo-unsupported-type');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    expect((await addPhoto(feedback.id, author, gif, { fileName: 'photo.jpg' })).status).toBe(415);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await addPhoto(feedback.id, author, svg, { fileName: 'photo.png', contentType: 'image/png' })).status).toBe(415);
    expect((await addPhoto(feedback.id, author, Buffer.alloc(0))).status).toBe(400);
    const json = await ctx.request<Problem>({ method: 'POST', url: `${base}/${feedback.id}/photos`, token: author, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(await ctx.fingerprint()).toEqual(before);
    // A PNG named .jpg is a PNG: accepted and stored as what it is.
    const png = await addPhoto(feedback.id, author, await phonePhoto({ format: 'png' }), { fileName: 'photo.jpg' });
    expect(png.status).toBe(201);
    expect(png.body.mediaType).toBe('image/png');
  });

  it('limits: 4 photos per feedback (422), 8 MB each (413), large photos downscaled to 2048 px', async () => {
    const feedback = await send(author);
    for (let i = 1; i <= 4; i++) expect((await addPhoto(feedback.id, author, await phonePhoto())).body.position).toBe(i);
    const fifth = await addPhoto(feedback.id, author, await phonePhoto());
    expect(fifth.status).toBe(422);
    expect(fifth.body.code).toBe('feedback.too-many-photos');

    const other = await send(author);
    const before = await ctx.fingerprint();
    const huge = Buffer.concat([await phonePhoto(), Buffer.alloc(8 * 1024 * 1024)]);
    const tooLarge = await addPhoto(other.id, author, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(await ctx.fingerprint()).toEqual(before);

    const large = await addPhoto(other.id, author, await phonePhoto({ width: 3000, height: 2250 }));
    expect(large.body).toMatchObject({ width: 2048, height: 1536 });
  });

  it('only the author adds photos, while the feedback is fresh and not yet handled', async () => {
    const feedback = await send(author);
    expect((await addPhoto(feedback.id, other, await phonePhoto())).status).toBe(403);
    expect((await addPhoto(feedback.id, editor, await phonePhoto())).status).toBe(403);
    expect((await addPhoto(feedback.id, null, await phonePhoto())).status).toBe(401);
    const privateOne = await send(author, { visibility: 'private' });
    expect((await addPhoto(privateOne.id, other, await phonePhoto())).status).toBe(404);

    await ctx.request({ method: 'POST', url: `${base}/${feedback.id}/status`, token: editor, body: { status: 'in_progress' } });
    const handled = await addPhoto(feedback.id, author, await phonePhoto());
    expect(handled.status).toBe(409);
    expect(handled.body.code).toBe('feedback.photos-closed');

    const old = await send(author);
    await ctx.sql.query(`update feedback set created_at = now() - interval '25 hours' where id = $1`, [old.id]);
    expect((await addPhoto(old.id, author, await phonePhoto())).status).toBe(409);
  });

  it('a photo of private feedback is served only to its author and the commune staff, never cached publicly', async () => {
    const feedback = await send(author, { visibility: 'private' });
    const added = await addPhoto(feedback.id, author, await phonePhoto());
    expect(added.status).toBe(201);
    const asAuthor = await ctx.request({ method: 'GET', url: added.body.url, token: author });
    expect(asAuthor.status).toBe(200);
    expect(asAuthor.headers['cache-control']).toContain('private');
    expect((await ctx.request({ method: 'GET', url: added.body.url, token: editor })).status).toBe(200);
    for (const token of [null, other, editorOfB]) {
      const refused = await ctx.request<Problem>({ method: 'GET', url: added.body.url, token });
      expect(refused.status).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    // Not listed to others either.
    expect((await ctx.request({ method: 'GET', url: `${base}/${feedback.id}`, token: other })).status).toBe(404);
    // Another commune's slug does not reach it.
    expect((await ctx.request({ method: 'GET', url: added.body.url.replace('/cotonou/', '/abomey-calavi/'), token: editorOfB })).status).toBe(404);
  });

  it('a photo of feedback hidden by moderation is no longer served publicly; its author and the staff still see it', async () => {
    const feedback = await send(author);
    const added = await addPhoto(feedback.id, author, await phonePhoto());
    expect((await ctx.request({ method: 'GET', url: added.body.url })).status).toBe(200);
    await ctx.sql.query(`update feedback set hidden_at = now(), hidden_reason = 'Données personnelles' where id = $1`, [feedback.id]);
    for (const token of [null, other]) {
      const refused = await ctx.request<Problem>({ method: 'GET', url: added.body.url, token });
      expect(refused.status).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const asAuthor = await ctx.request({ method: 'GET', url: added.body.url, token: author });
    expect(asAuthor.status).toBe(200);
    expect(asAuthor.headers['cache-control']).toContain('private');
    expect((await ctx.request({ method: 'GET', url: added.body.url, token: editor })).status).toBe(200);
    expect((await ctx.request<Feedback>({ method: 'GET', url: `${base}/${feedback.id}` })).body.photos).toEqual([]);
  });

  it('an upload interrupted between storage and database leaves an intent that the sweeper removes with its object', async () => {
    const feedback = await send(author);
    const communeId = (await ctx.sql.query<{ id: string }>(`select id from communes where slug = 'cotonou'`)).rows[0].id;
    const storage = ctx.app.get(DocumentStorage);
    // A successful upload leaves no intent behind.
    await addPhoto(feedback.id, author, await phonePhoto());
    expect((await ctx.sql.query(`select 1 from upload_intents where object_key like '%/feedback-photos/%'`)).rowCount).toBe(0);
    // The photo and its thumbnail, nothing else.
    const stored: string[] = [];
    for await (const k of storage.list(objectKeyPrefixFor(communeId, 'feedback-photos', feedback.id))) stored.push(k);
    expect(stored.map((k) => k.replace(/^.*\/[0-9a-f-]{36}/, ''))).toEqual(expect.arrayContaining(['.jpg', '-small.jpg']));
    expect(stored).toHaveLength(2);
    // Simulate the process dying after the object was written: an intent and its object, no row.
    const key = objectKeyFor(communeId, 'feedback-photos', feedback.id, '00000000-0000-4000-8000-000000000000.jpg');
    const bytes = await phonePhoto();
    await storage.put(key, Readable.from([bytes]), { size: bytes.length, contentType: 'image/jpeg' });
    await ctx.sql.query(`insert into upload_intents (commune_id, object_key, created_at) values ($1, $2, now() - interval '2 hours')`, [communeId, key]);
    expect(await ctx.app.get(UploadIntentSweeper).runOnce()).toBe(1);
    expect(await storage.stat(key)).toBeNull();
    const remaining: string[] = [];
    for await (const k of storage.list(objectKeyPrefixFor(communeId, 'feedback-photos', feedback.id))) remaining.push(k);
    expect(remaining).toHaveLength(2);
  });

  describe('removing a photo', () => {
    afterEach(() => jest.restoreAllMocks());
    const remove = (url: string, token: string | null) => ctx.request<Problem>({ method: 'DELETE', url, token });
    const objectsOf = async (feedbackId: string) => {
      const keys: string[] = [];
      for await (const key of ctx.app.get(DocumentStorage).list(objectKeyPrefixFor(await ctx.communeId('cotonou'), 'feedback-photos', feedbackId))) keys.push(key);
      return keys.sort();
    };
    const photoIntents = async () => (await ctx.sql.query<{ object_key: string }>(`select object_key from upload_intents where object_key like '%/feedback-photos/%' order by object_key`)).rows.map((r) => r.object_key);

    it('the author removes a photo: no longer listed nor served, its objects and intents gone, audited, its place free for another', async () => {
      const feedback = await send(author);
      const photos: Photo[] = [];
      for (let i = 0; i < 4; i++) photos.push((await addPhoto(feedback.id, author, await phonePhoto())).body);
      expect(await objectsOf(feedback.id)).toHaveLength(8);

      const removed = await remove(photos[1].url, author);
      expect(removed.status).toBe(204);
      expect((await ctx.request({ method: 'GET', url: photos[1].url, token: author })).status).toBe(404);
      expect((await ctx.request({ method: 'GET', url: `${photos[1].url}?size=small`, token: author })).status).toBe(404);
      const read = await ctx.request<Feedback>({ method: 'GET', url: `${base}/${feedback.id}` });
      expect(read.body.photos.map((photo) => photo.id)).toEqual([photos[0].id, photos[2].id, photos[3].id]);
      expect(await objectsOf(feedback.id)).toHaveLength(6);
      expect((await objectsOf(feedback.id)).some((key) => key.includes(photos[1].id))).toBe(false);
      expect(await photoIntents()).toEqual([]);
      const audit = await ctx.sql.query(`select 1 from audit_events where action = 'feedback.photo-removed' and target_id = $1`, [feedback.id]);
      expect(audit.rowCount).toBe(1);

      // Removed twice: nothing left to remove.
      expect((await remove(photos[1].url, author)).status).toBe(404);
      // The freed place takes a new photo; a fifth is still refused.
      const again = await addPhoto(feedback.id, author, await phonePhoto());
      expect(again.status).toBe(201);
      expect(again.body.position).toBe(2);
      expect((await addPhoto(feedback.id, author, await phonePhoto())).status).toBe(422);
    });

    it('only the author, within the window and before the commune handles the feedback; refusals change nothing', async () => {
      const feedback = await send(author);
      const photo = (await addPhoto(feedback.id, author, await phonePhoto())).body;
      const before = await ctx.fingerprint();
      expect((await remove(photo.url, null)).status).toBe(401);
      for (const [who, token] of [['another citizen', other], ["the commune's editor", editor], ["another commune's editor", editorOfB]] as const) {
        const refused = await remove(photo.url, token);
        expect({ who, status: refused.status, type: refused.headers['content-type'] }).toEqual({ who, status: 403, type: expect.stringContaining('application/problem+json') });
      }
      // Another commune's slug does not reach it.
      expect((await remove(photo.url.replace('/cotonou/', '/abomey-calavi/'), author)).status).toBe(404);
      expect((await remove(`${base}/${feedback.id}/photos/not-a-uuid`, author)).status).toBe(400);
      expect((await remove(`${base}/${feedback.id}/photos/00000000-0000-4000-8000-000000000000`, author)).status).toBe(404);
      expect(await ctx.fingerprint()).toEqual(before);

      const privateOne = await send(author, { visibility: 'private' });
      const privatePhoto = (await addPhoto(privateOne.id, author, await phonePhoto())).body;
      expect((await remove(privatePhoto.url, other)).status).toBe(404);

      await ctx.request({ method: 'POST', url: `${base}/${feedback.id}/status`, token: editor, body: { status: 'in_progress' } });
      const handled = await remove(photo.url, author);
      expect(handled.status).toBe(409);
      expect(handled.body.code).toBe('feedback.photos-closed');
      expect((await ctx.request({ method: 'GET', url: photo.url })).status).toBe(200);

      await ctx.sql.query(`update feedback set created_at = now() - interval '25 hours' where id = $1`, [privateOne.id]);
      expect((await remove(privatePhoto.url, author)).status).toBe(409);
      expect((await ctx.request({ method: 'GET', url: privatePhoto.url, token: author })).status).toBe(200);
    });

    it('the database refuses another account or a closed window even past the service (RLS)', async () => {
      const feedback = await send(author);
      const photo = (await addPhoto(feedback.id, author, await phonePhoto())).body;
      const communeId = await ctx.communeId('cotonou');
      // As the application's role, in a rolled back transaction.
      const app = new Client({ connectionString: ctx.db.appUrl });
      await app.connect();
      const deleteAs = async (userId: string | null) => {
        await app.query('begin');
        try {
          await app.query(`select set_config('app.commune_id', $1, true), set_config('app.user_id', $2, true), set_config('app.scope', 'public', true)`, [communeId, userId ?? '']);
          return (await app.query('delete from feedback_photos where id = $1 returning id', [photo.id])).rowCount;
        } finally {
          await app.query('rollback');
        }
      };
      const otherId = (await ctx.request<{ id: string }>({ method: 'GET', url: '/api/v1/me', token: other })).body.id;
      const authorId = (await ctx.request<{ id: string }>({ method: 'GET', url: '/api/v1/me', token: author })).body.id;
      try {
        expect(await deleteAs(otherId)).toBe(0);
        expect(await deleteAs(null)).toBe(0);
        expect(await deleteAs(authorId)).toBe(1);
        await ctx.sql.query(`update feedback set created_at = now() - interval '25 hours' where id = $1`, [feedback.id]);
        expect(await deleteAs(authorId)).toBe(0);
      } finally {
        await app.end();
      }
    });

    it('a removal whose storage fails after the commit leaves intents that the sweeper removes with the objects', async () => {
      const feedback = await send(author);
      const photo = (await addPhoto(feedback.id, author, await phonePhoto())).body;
      const kept = (await addPhoto(feedback.id, author, await phonePhoto())).body;
      const storage = ctx.app.get(DocumentStorage);
      jest.spyOn(storage, 'delete').mockRejectedValue(new Error('storage unreachable'));
      expect((await remove(photo.url, author)).status).toBe(204);
      jest.restoreAllMocks();
      // Not listed, not served; its two objects wait for the sweeper, named by intents.
      expect((await ctx.request({ method: 'GET', url: photo.url, token: author })).status).toBe(404);
      const leftover = await photoIntents();
      expect(leftover).toHaveLength(2);
      expect(leftover.every((key) => key.includes(photo.id))).toBe(true);
      expect(await objectsOf(feedback.id)).toHaveLength(4);

      await ctx.sql.query(`update upload_intents set created_at = now() - interval '2 hours'`);
      expect(await ctx.app.get(UploadIntentSweeper).runOnce()).toBe(2);
      expect(await photoIntents()).toEqual([]);
      const remaining = await objectsOf(feedback.id);
      expect(remaining).toHaveLength(2);
      expect(remaining.every((key) => key.includes(kept.id))).toBe(true);
      expect((await ctx.request({ method: 'GET', url: kept.url })).status).toBe(200);
    });
  });

  it('rate limits photos per account (4 × the submission limit), with Retry-After', async () => {
    const limited = await TestContext.create({ PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '1' });
    try {
      const token = await limited.tokenFor(await limited.newUser());
      const sent = await limited.request<Feedback>({ method: 'POST', url: base, token, body: doleance() });
      const bytes = await phonePhoto();
      const upload = () => limited.upload<Problem>({ url: `${base}/${sent.body.id}/photos`, token, fileName: 'a.jpg', bytes });
      for (let i = 0; i < 4; i++) expect((await upload()).status).toBe(201);
      const refused = await upload();
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.body.code).toBe('rate-limit.exceeded');
    } finally {
      await limited.close();
    }
  });
});
