import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext } from '@communes/api-testing';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';

/** Photos of doléances and suggestions in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/feedback`;
/** The matrix's citizen, author of the "own" feedback below (read from /me before the rows run). */
let citizenId = '';
let photoBytes: Buffer;

async function newFeedback(ctx: TestContext, visibility: 'public' | 'private', authorId?: string): Promise<string> {
  const author = authorId ?? (await ctx.newUser()).id;
  const number = `COT-2026-${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const result = await ctx.sql.query<{ id: string }>(
    `insert into feedback (commune_id, tracking_number, kind, category, text, visibility, author_id)
     select id, $2, 'doleance', 'voirie', 'Le pont de Djidjè est fissuré depuis la crue.', $3::feedback_visibility, $4
     from communes where slug = $1 returning id`,
    [COMMUNE_A, number, visibility, author],
  );
  return result.rows[0].id;
}

/** A feedback with one photo whose bytes really are in storage; returns the photo's URL. */
async function newPhoto(ctx: TestContext, visibility: 'public' | 'private', authorId?: string, suffix = ''): Promise<string> {
  const feedbackId = await newFeedback(ctx, visibility, authorId);
  const communeId = (await ctx.sql.query<{ id: string }>('select id from communes where slug = $1', [COMMUNE_A])).rows[0].id;
  const id = randomUUID();
  const key = objectKeyFor(communeId, 'feedback-photos', feedbackId, `${id}.jpg`);
  await ctx.app.get(DocumentStorage).put(key, Readable.from([photoBytes]), { size: photoBytes.length, contentType: 'image/jpeg' });
  await ctx.sql.query(
    `insert into feedback_photos (commune_id, id, feedback_id, position, object_key, thumbnail_key, media_type, size_bytes, width, height, sha256)
     values ($1, $2, $3, 1, $4, $4, 'image/jpeg', $5, 16, 16, repeat('a', 64))`,
    [communeId, id, feedbackId, key, photoBytes.length],
  );
  return `${base}/${feedbackId}/photos/${id}${suffix}`;
}

const upload = () => ({ fileName: 'photo.jpg', bytes: photoBytes });

const ENDPOINTS: MatrixEndpoint[] = [
  {
    name: 'POST /communes/:slug/feedback/:id/photos (the citizen’s own feedback)',
    allowed: ['citizen'],
    prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newFeedback(ctx, 'public', citizenId)}/photos`, upload: upload() }),
  },
  {
    name: 'POST /communes/:slug/feedback/:id/photos (someone else’s public feedback: nobody)',
    allowed: [],
    prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newFeedback(ctx, 'public')}/photos`, upload: upload() }),
  },
  {
    name: 'POST /communes/:slug/feedback/:id/photos (someone else’s private feedback: nobody)',
    allowed: [],
    prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newFeedback(ctx, 'private')}/photos`, upload: upload() }),
  },
  { name: 'GET /communes/:slug/feedback/:id/photos/:photoId (public)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: await newPhoto(ctx, 'public') }) },
  {
    name: 'GET /communes/:slug/feedback/:id/photos/:photoId (private, the citizen’s own)',
    allowed: ['citizen', ...STAFF_A],
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: await newPhoto(ctx, 'private', citizenId) }),
  },
  {
    name: 'GET /communes/:slug/feedback/:id/photos/:photoId?size=small (private, someone else’s)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: await newPhoto(ctx, 'private', undefined, '?size=small') }),
  },
  {
    name: 'GET /communes/:slug/feedback/:id/photos/:photoId (private, someone else’s)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: await newPhoto(ctx, 'private') }),
  },
  {
    name: 'DELETE /communes/:slug/feedback/:id/photos/:photoId (the citizen’s own feedback)',
    allowed: ['citizen'],
    prepare: async (ctx) => ({ method: 'DELETE', url: await newPhoto(ctx, 'public', citizenId) }),
  },
  {
    name: 'DELETE /communes/:slug/feedback/:id/photos/:photoId (someone else’s public feedback: nobody, staff included)',
    allowed: [],
    prepare: async (ctx) => ({ method: 'DELETE', url: await newPhoto(ctx, 'public') }),
  },
  {
    name: 'DELETE /communes/:slug/feedback/:id/photos/:photoId (someone else’s private feedback: nobody)',
    allowed: [],
    prepare: async (ctx) => ({ method: 'DELETE', url: await newPhoto(ctx, 'private') }),
  },
];

describeIsolationMatrix('feedback photos', ENDPOINTS, (matrix) => {
  beforeAll(async () => {
    photoBytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#48c' } }).jpeg().toBuffer();
    const me = await matrix.ctx().request<{ id: string }>({ method: 'GET', url: '/api/v1/me', token: matrix.token('citizen') });
    citizenId = me.body.id;
  });
});
