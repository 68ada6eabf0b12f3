import { TestContext, TestUser } from '@communes/api-testing';

/**
 * The isolation matrix: every endpoint that touches commune data, called by every kind of
 * caller against commune A's resources. Allowed callers get a 2xx; everyone else gets 401
 * (anonymous) or 403/404, and the database is left exactly as it was.
 * (`POST /invitations/:token/accept` is keyed by a secret token, not by a role: see onboarding.spec.ts.)
 */
type Role = 'anonymous' | 'citizen' | 'editorA' | 'moderatorA' | 'adminA' | 'adminB' | 'ancb' | 'ministry';
const ROLES: Role[] = ['anonymous', 'citizen', 'editorA', 'moderatorA', 'adminA', 'adminB', 'ancb', 'ministry'];
const A = 'cotonou';
const B = 'abomey-calavi';

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A multipart upload of one file instead of a JSON body. */
  upload?: { fileName: string; bytes: Buffer };
}

const STAFF_A: Role[] = ['editorA', 'moderatorA', 'adminA'];
const WRITERS_A: Role[] = ['editorA', 'adminA'];
const docs = `/api/v1/communes/${A}/documents`;

interface Endpoint {
  name: string;
  allowed: Role[] | 'everyone' | 'signed-in';
  /** Builds the call, creating whatever target it needs so that each call starts fresh. */
  prepare(ctx: TestContext): Promise<Call>;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /health', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: '/api/v1/health' }) },
  { name: 'GET /me', allowed: 'signed-in', prepare: async () => ({ method: 'GET', url: '/api/v1/me' }) },
  { name: 'GET /communes', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: '/api/v1/communes?department=Littoral' }) },
  { name: 'GET /communes/:slug', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: `/api/v1/communes/${A}` }) },
  {
    name: 'POST /communes (onboard a new commune)',
    allowed: ['ancb'],
    prepare: async (ctx) => ({ method: 'POST', url: '/api/v1/communes', body: { slug: `nouvelle-${ctx.uniqueSuffix()}`, name: 'Nouvelle', department: 'Zou' } }),
  },
  {
    name: 'POST /communes (onboard from the national list)',
    allowed: ['ancb'],
    prepare: async (ctx) => {
      await ctx.sql.query(`update communes set status = 'not_onboarded', onboarding_started_at = null where slug = 'ouidah'`);
      return { method: 'POST', url: '/api/v1/communes', body: { slug: 'ouidah' } };
    },
  },
  {
    name: 'PATCH /communes/:slug/status',
    allowed: ['ancb'],
    prepare: async (ctx) => {
      await ctx.sql.query(`update communes set status = 'active', suspended_at = null, suspension_reason = null where slug = $1`, [A]);
      return { method: 'PATCH', url: `/api/v1/communes/${A}/status`, body: { status: 'suspended', reason: 'Audit en cours' } };
    },
  },
  {
    name: 'PATCH /communes/:slug/checklist',
    allowed: ['ancb', 'adminA'],
    prepare: async (ctx) => {
      await ctx.sql.query(`update communes set staff_trained_at = null where slug = $1`, [A]);
      return { method: 'PATCH', url: `/api/v1/communes/${A}/checklist`, body: { staffTrained: true } };
    },
  },
  {
    name: 'GET /communes/:slug/members',
    allowed: ['editorA', 'moderatorA', 'adminA', 'ancb'],
    prepare: async () => ({ method: 'GET', url: `/api/v1/communes/${A}/members` }),
  },
  {
    name: 'PATCH /communes/:slug/members/:userId',
    allowed: ['adminA'],
    prepare: async (ctx) => {
      const member = await ctx.newUser({ memberships: [{ communeSlug: A, role: 'editor' }] });
      return { method: 'PATCH', url: `/api/v1/communes/${A}/members/${member.id}`, body: { role: 'moderator' } };
    },
  },
  {
    name: 'DELETE /communes/:slug/members/:userId',
    allowed: ['adminA'],
    prepare: async (ctx) => {
      const member = await ctx.newUser({ memberships: [{ communeSlug: A, role: 'editor' }] });
      return { method: 'DELETE', url: `/api/v1/communes/${A}/members/${member.id}` };
    },
  },
  {
    name: 'POST /communes/:slug/invitations',
    allowed: ['adminA', 'ancb'],
    prepare: async (ctx) => ({ method: 'POST', url: `/api/v1/communes/${A}/invitations`, body: { email: `inv-${ctx.uniqueSuffix()}@test.bj`, role: 'editor' } }),
  },
  {
    name: 'GET /communes/:slug/invitations',
    allowed: ['adminA', 'ancb'],
    prepare: async () => ({ method: 'GET', url: `/api/v1/communes/${A}/invitations` }),
  },
  {
    name: 'DELETE /communes/:slug/invitations/:id',
    allowed: ['adminA', 'ancb'],
    prepare: async (ctx) => {
      const invitation = await ctx.newInvitation(A);
      return { method: 'DELETE', url: `/api/v1/communes/${A}/invitations/${invitation.id}` };
    },
  },
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
    prepare: async (ctx) => {
      const document = await ctx.newDocument(A);
      return { method: 'GET', url: `${docs}/${document.id}/versions/${document.versionId}/download` };
    },
  },
  {
    name: 'GET /communes/:slug/audit-events',
    allowed: ['adminA', 'ancb'],
    prepare: async () => ({ method: 'GET', url: `/api/v1/communes/${A}/audit-events` }),
  },
];

/** Public routes answer an anonymous caller with 404 when the record is not public (a draft). */
function isPublicRead(call: Call): boolean {
  return call.method === 'GET' && call.url.includes('/documents');
}

function isAllowed(endpoint: Endpoint, role: Role): boolean {
  if (endpoint.allowed === 'everyone') return true;
  if (endpoint.allowed === 'signed-in') return role !== 'anonymous';
  return endpoint.allowed.includes(role);
}

describe('isolation matrix (role × commune A resources × action)', () => {
  let ctx: TestContext;
  const tokens = new Map<Role, string | null>();

  beforeAll(async () => {
    ctx = await TestContext.create();
    const users: Record<Exclude<Role, 'anonymous'>, TestUser> = {
      citizen: await ctx.newUser(),
      editorA: await ctx.newUser({ memberships: [{ communeSlug: A, role: 'editor' }] }),
      moderatorA: await ctx.newUser({ memberships: [{ communeSlug: A, role: 'moderator' }] }),
      adminA: await ctx.newUser({ memberships: [{ communeSlug: A, role: 'admin' }] }),
      adminB: await ctx.newUser({ memberships: [{ communeSlug: B, role: 'admin' }] }),
      ancb: await ctx.newUser({ platformRole: 'platform_admin' }),
      ministry: await ctx.newUser({ platformRole: 'ministry_observer' }),
    };
    tokens.set('anonymous', null);
    for (const [role, user] of Object.entries(users)) tokens.set(role as Role, await ctx.tokenFor(user));
  });
  afterAll(() => ctx.close());

  const cases = ENDPOINTS.flatMap((endpoint) => ROLES.map((role) => [endpoint.name, role, endpoint] as const));

  it.each(cases)('%s as %s', async (_name, role, endpoint) => {
    const call = await endpoint.prepare(ctx);
    const before = await ctx.fingerprint();
    const token = tokens.get(role);
    const response = call.upload
      ? await ctx.upload({ url: call.url, token, ...call.upload })
      : await ctx.request({ method: call.method, url: call.url, body: call.body, token });
    if (isAllowed(endpoint, role)) {
      expect({ status: response.status, body: response.body }).toEqual({ status: expect.any(Number), body: expect.anything() });
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      return;
    }
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (role === 'anonymous' && endpoint.allowed !== 'everyone' && !isPublicRead(call)) expect(response.status).toBe(401);
    else expect([401, 403, 404]).toContain(response.status);
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('never shows commune B members to commune A staff, nor A members to B admins', async () => {
    const asAdminA = await ctx.request<{ userId: string }[]>({ method: 'GET', url: `/api/v1/communes/${A}/members`, token: tokens.get('adminA') });
    const bMembers = await ctx.sql.query<{ user_id: string }>(
      `select user_id from memberships m join communes c on c.id = m.commune_id where c.slug = $1`,
      [B],
    );
    const bIds = new Set(bMembers.rows.map((row) => row.user_id));
    expect(asAdminA.body.some((member) => bIds.has(member.userId))).toBe(false);
    const asAdminB = await ctx.request({ method: 'GET', url: `/api/v1/communes/${A}/members`, token: tokens.get('adminB') });
    expect(asAdminB.status).toBe(403);
  });
});
