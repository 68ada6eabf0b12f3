import sharp from 'sharp';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface News {
  id: string;
  title: string;
  summary: string | null;
  body: string;
  state: string;
  publishedAt: string | null;
  withdrawalReason: string | null;
  cover: { url: string; mediaType: string; width: number; height: number; alt: string | null } | null;
}
interface Page {
  items: News[];
  total: number;
}
interface Problem {
  status: number;
  code: string;
}

const base = '/api/v1/communes/cotonou/news';
const article = (overrides: Record<string, unknown> = {}) => ({
  title: 'Lancement des travaux de pavage à Agla',
  summary: 'Deux kilomètres de voies pavées avant la saison des pluies.',
  body: 'Le maire a lancé ce lundi les travaux de pavage des rues 12.045 et 12.047.\n\nLes riverains sont invités à libérer les abords.',
  ...overrides,
});

describe('news of a commune', () => {
  let ctx: TestContext;
  let editor: string;
  let moderator: string;
  let citizen: string;
  let editorOfB: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    citizen = await ctx.tokenFor(await ctx.newUser());
    editorOfB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
  });
  afterAll(() => ctx.close());

  it('lifecycle: a draft only the staff see; published on the commune page, in the search, emailed to followers; corrected; withdrawn with a reason', async () => {
    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: citizen })).status).toBe(200);
    const created = await ctx.request<News>({ method: 'POST', url: base, token: editor, body: article() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', publishedAt: null, cover: null, title: 'Lancement des travaux de pavage à Agla' });
    const id = created.body.id;

    // A draft: the staff only.
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}` })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, token: citizen })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, token: moderator })).status).toBe(200);
    expect((await ctx.request<Page>({ method: 'GET', url: base })).body.total).toBe(0);
    expect((await ctx.request<Page>({ method: 'GET', url: base, token: editor })).body.total).toBe(1);

    const published = await ctx.request<News>({ method: 'POST', url: `${base}/${id}/publish`, token: editor, body: {} });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect(new Date(published.body.publishedAt ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/publish`, token: editor, body: {} })).body).toMatchObject({ status: 409, code: 'news.not-draft' });

    // Public: list and detail.
    const list = await ctx.request<Page>({ method: 'GET', url: base });
    expect(list.body.items.map((item) => item.id)).toEqual([id]);
    expect((await ctx.request<News>({ method: 'GET', url: `${base}/${id}` })).body.body).toContain('riverains');
    // Not in another commune.
    expect((await ctx.request<Page>({ method: 'GET', url: '/api/v1/communes/abomey-calavi/news' })).body.total).toBe(0);
    expect((await ctx.request({ method: 'GET', url: `/api/v1/communes/abomey-calavi/news/${id}` })).status).toBe(404);

    // Followers are emailed once.
    const emails = await ctx.sql.query<{ template: string; params: { newsId: string } }>(`select template, params from notification_outbox where template = 'news.published'`);
    expect(emails.rows).toHaveLength(1);
    expect(emails.rows[0].params.newsId).toBe(id);

    // In the search, with the commune page's URL.
    await ctx.app.get(SearchIndexer).drain();
    const found = await ctx.request<{ total: number; hits: { record: { url: string; kind: string } }[] }>({ method: 'GET', url: '/api/v1/search?q=pavage&kind=news' });
    expect(found.body.total).toBe(1);
    expect(found.body.hits[0].record).toMatchObject({ kind: 'news', url: `/communes/cotonou/actualites/${id}` });

    // Corrected while published.
    const corrected = await ctx.request<News>({ method: 'PATCH', url: `${base}/${id}`, token: editor, body: article({ title: 'Lancement des travaux de pavage à Agla et Fidjrossè', summary: null }) });
    expect(corrected.body).toMatchObject({ title: 'Lancement des travaux de pavage à Agla et Fidjrossè', summary: null, state: 'published' });

    // Withdrawn: gone from the public pages and the search; the reason stays for the staff.
    const withdrawn = await ctx.request<News>({ method: 'POST', url: `${base}/${id}/withdraw`, token: editor, body: { reason: 'Date du lancement erronée' } });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Date du lancement erronée' });
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}` })).status).toBe(404);
    expect((await ctx.request<Page>({ method: 'GET', url: base })).body.total).toBe(0);
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=pavage&kind=news' })).body.total).toBe(0);
    expect((await ctx.request<Problem>({ method: 'PATCH', url: `${base}/${id}`, token: editor, body: article() })).body).toMatchObject({ status: 409, code: 'news.withdrawn' });
    expect((await ctx.request<Page>({ method: 'GET', url: `${base}?state=withdrawn`, token: editor })).body.total).toBe(1);

    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = $1`, [id]);
    expect(audit.rows.map((row) => row.action)).toEqual(expect.arrayContaining(['news.created', 'news.published', 'news.updated', 'news.withdrawn']));
  });

  it('a backdated publication shows its date; a future one is refused', async () => {
    const draft = await ctx.request<News>({ method: 'POST', url: base, token: editor, body: article({ title: 'Cérémonie de remise de kits scolaires' }) });
    const future = await ctx.request<Problem>({ method: 'POST', url: `${base}/${draft.body.id}/publish`, token: editor, body: { publishedAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(future.status).toBe(400);
    const past = await ctx.request<News>({ method: 'POST', url: `${base}/${draft.body.id}/publish`, token: editor, body: { publishedAt: '2026-11-02T10:00:00+01:00' } });
    expect(past.body.publishedAt).toBe('2026-11-02T09:00:00.000Z');
  });

  it('bad input gets a clear 400 problem and changes nothing', async () => {
    const before = await ctx.fingerprint();
    for (const body of [article({ title: 'ab' }), article({ body: '' }), article({ extra: 1 }), article({ summary: 'x'.repeat(301) }), { title: 'Sans corps' }]) {
      const refused = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await ctx.request({ method: 'GET', url: `${base}/not-a-uuid` })).status).toBe(400);
    expect((await ctx.request({ method: 'GET', url: `${base}?state=secret`, token: editor })).status).toBe(400);
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('the cover image goes through the photo pipeline: bytes checked, re-encoded without metadata, served publicly once published', async () => {
    const draft = await ctx.request<News>({ method: 'POST', url: base, token: editor, body: article({ title: 'Inauguration du marché de Vossa' }) });
    const id = draft.body.id;
    const text = await ctx.upload<Problem>({ url: `${base}/${id}/cover`, token: editor, fileName: 'cover.jpg', bytes: Buffer.from('pas une image') });
    expect(text.status).toBe(415);
    const withGps = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2a6' } })
      .withExif({ IFD0: { Make: 'Tecno' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '6/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 25/1 0/1' } })
      .jpeg()
      .toBuffer();
    const set = await ctx.upload<News>({ url: `${base}/${id}/cover?alt=${encodeURIComponent('Le nouveau marché')}`, token: editor, fileName: 'cover.jpg', bytes: withGps });
    expect(set.status).toBe(200);
    expect(set.body.cover).toMatchObject({ mediaType: 'image/jpeg', width: 2048, height: 1365, alt: 'Le nouveau marché' });
    const coverUrl = set.body.cover?.url ?? '';
    // Not public while a draft.
    expect((await ctx.request({ method: 'GET', url: coverUrl })).status).toBe(404);
    const staffView = await ctx.request({ method: 'GET', url: coverUrl, token: editor });
    expect(staffView.status).toBe(200);
    expect(staffView.headers['cache-control']).toContain('no-store');
    await ctx.request({ method: 'POST', url: `${base}/${id}/publish`, token: editor, body: {} });
    const served = await ctx.request({ method: 'GET', url: coverUrl });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toContain('public');
    expect((await sharp(served.raw).metadata()).exif).toBeUndefined();
    expect(served.raw.includes(Buffer.from('Tecno'))).toBe(false);

    // A new cover replaces the old one (new URL; the old object is removed).
    const again = await ctx.upload<News>({ url: `${base}/${id}/cover`, token: editor, fileName: 'c.png', bytes: await sharp({ create: { width: 20, height: 10, channels: 3, background: '#000' } }).png().toBuffer() });
    expect(again.body.cover?.url).not.toBe(coverUrl);
    expect(again.body.cover?.alt).toBeNull();
    const keys = await ctx.sql.query(`select 1 from upload_intents`);
    expect(keys.rowCount).toBe(0);
    // Others cannot set it.
    expect((await ctx.upload({ url: `${base}/${id}/cover`, token: editorOfB, fileName: 'c.jpg', bytes: withGps })).status).toBe(403);
  });
});
