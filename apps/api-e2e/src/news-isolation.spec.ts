import sharp from 'sharp';
import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** News of a commune in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/news`;
let coverBytes: Buffer;

/** An article of commune A, written directly (draft, published or withdrawn). */
async function newArticle(ctx: TestContext, state: 'draft' | 'published' | 'withdrawn'): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into news (commune_id, title, body, state, published_at, withdrawn_at, withdrawal_reason)
     select id, 'Journée de salubrité à Akpakpa', 'Tous les quartiers sont invités à nettoyer les caniveaux samedi.', $2::news_state,
            case when $2 <> 'draft' then now() - interval '1 hour' end, case when $2 = 'withdrawn' then now() end, case when $2 = 'withdrawn' then 'Reportée' end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, state],
  );
  return result.rows[0].id;
}

/** An article whose cover really is in storage, set through the API by a writer of A. */
async function withCover(ctx: TestContext, state: 'draft' | 'published'): Promise<string> {
  const id = await newArticle(ctx, 'draft');
  const writer = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: COMMUNE_A, role: 'editor' }] }));
  const set = await ctx.upload({ url: `${base}/${id}/cover`, token: writer, fileName: 'cover.jpg', bytes: coverBytes });
  if (set.status !== 200) throw new Error(`cover not set: ${set.status}`);
  if (state === 'published') await ctx.sql.query(`update news set state = 'published', published_at = now() - interval '1 minute' where id = $1`, [id]);
  return id;
}

const body = { title: 'Campagne de vaccination', body: 'Du 3 au 7 décembre dans tous les centres de santé.' };

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/news', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/news/:id (published)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newArticle(ctx, 'published')}` }) },
  { name: 'GET /communes/:slug/news/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newArticle(ctx, 'draft')}` }) },
  { name: 'GET /communes/:slug/news/:id (withdrawn)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newArticle(ctx, 'withdrawn')}` }) },
  { name: 'POST /communes/:slug/news', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body }) },
  { name: 'PATCH /communes/:slug/news/:id (published)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PATCH', url: `${base}/${await newArticle(ctx, 'published')}`, body }) },
  { name: 'POST /communes/:slug/news/:id/publish', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newArticle(ctx, 'draft')}/publish`, body: {} }) },
  { name: 'POST /communes/:slug/news/:id/withdraw', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newArticle(ctx, 'published')}/withdraw`, body: { reason: 'Erreur de date' } }) },
  { name: 'POST /communes/:slug/news/:id/cover', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newArticle(ctx, 'draft')}/cover`, upload: { fileName: 'cover.jpg', bytes: coverBytes } }) },
  { name: 'DELETE /communes/:slug/news/:id/cover (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: `${base}/${await withCover(ctx, 'draft')}/cover` }) },
  { name: 'DELETE /communes/:slug/news/:id/cover (published)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: `${base}/${await withCover(ctx, 'published')}/cover` }) },
  { name: 'GET /communes/:slug/news/:id/cover (published)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await withCover(ctx, 'published')}/cover` }) },
  { name: 'GET /communes/:slug/news/:id/cover (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await withCover(ctx, 'draft')}/cover` }) },
];

describeIsolationMatrix('news', ENDPOINTS, () => {
  beforeAll(async () => {
    coverBytes = await sharp({ create: { width: 32, height: 16, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  });
});
