import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, WRITERS_A } from '@communes/api-testing';

/** Documents and search in the isolation matrix: drafts stay with commune A's staff. */
const docs = `/api/v1/communes/${COMMUNE_A}/documents`;
const A = COMMUNE_A;

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /search', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: '/api/v1/search?q=budget&commune=cotonou' }) },
  { name: 'GET /communes/:slug/documents', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: docs }) },
  {
    name: 'GET /communes/:slug/documents/:id (published)',
    allowed: 'everyone',
    prepare: async (ctx) => ({ method: 'GET', url: `${docs}/${(await ctx.newDocument(A, { state: 'published' })).id}` }),
  },
  {
    name: 'GET /communes/:slug/documents/:id (draft)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => ({ method: 'GET', url: `${docs}/${(await ctx.newDocument(A)).id}` }),
  },
  {
    name: 'POST /communes/:slug/documents',
    allowed: WRITERS_A,
    prepare: async () => ({ method: 'POST', url: docs, body: { category: 'arrete', fiscalYear: 2025, title: 'Arrêté municipal' } }),
  },
  {
    name: 'POST /communes/:slug/documents/:id/versions (upload)',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({
      method: 'POST',
      url: `${docs}/${(await ctx.newDocument(A)).id}/versions`,
      upload: { fileName: 'arrete.pdf', bytes: Buffer.from('%PDF-1.4\n% arrêté\n') },
    }),
  },
  {
    name: 'POST /communes/:slug/documents/:id/publish',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${docs}/${(await ctx.newDocument(A)).id}/publish` }),
  },
  {
    name: 'POST /communes/:slug/documents/:id/withdraw',
    allowed: WRITERS_A,
    prepare: async (ctx) => ({ method: 'POST', url: `${docs}/${(await ctx.newDocument(A, { state: 'published' })).id}/withdraw`, body: { reason: 'Erreur matérielle' } }),
  },
  {
    name: 'GET …/versions/:versionId/download (published)',
    allowed: 'everyone',
    prepare: async (ctx) => {
      const document = await ctx.newDocument(A, { state: 'published' });
      return { method: 'GET', url: `${docs}/${document.id}/versions/${document.versionId}/download` };
    },
  },
  {
    name: 'GET …/versions/:versionId/download (draft)',
    allowed: STAFF_A,
    anonymousStatus: 404,
    prepare: async (ctx) => {
      const document = await ctx.newDocument(A);
      return { method: 'GET', url: `${docs}/${document.id}/versions/${document.versionId}/download` };
    },
  },
];

describeIsolationMatrix('documents and search', ENDPOINTS);
