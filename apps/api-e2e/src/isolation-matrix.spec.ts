import { COMMUNE_A, COMMUNE_B, describeIsolationMatrix, MatrixEndpoint } from '@communes/api-testing';

/**
 * The foundation's endpoints in the isolation matrix (see describeIsolationMatrix).
 * (`POST /invitations/:token/accept` is keyed by a secret token, not by a role: see onboarding.spec.ts.)
 */
const A = COMMUNE_A;
const B = COMMUNE_B;

const ENDPOINTS: MatrixEndpoint[] = [
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
  {
    name: 'GET /communes/:slug/audit-events',
    allowed: ['adminA', 'ancb'],
    prepare: async () => ({ method: 'GET', url: `/api/v1/communes/${A}/audit-events` }),
  },
];

describeIsolationMatrix('communes, members, invitations, audit', ENDPOINTS, (matrix) => {
  it('never shows commune B members to commune A staff, nor A members to B admins', async () => {
    const ctx = matrix.ctx();
    const asAdminA = await ctx.request<{ userId: string }[]>({ method: 'GET', url: `/api/v1/communes/${A}/members`, token: matrix.token('adminA') });
    const bMembers = await ctx.sql.query<{ user_id: string }>(
      `select user_id from memberships m join communes c on c.id = m.commune_id where c.slug = $1`,
      [B],
    );
    const bIds = new Set(bMembers.rows.map((row) => row.user_id));
    expect(asAdminA.body.some((member) => bIds.has(member.userId))).toBe(false);
    const asAdminB = await ctx.request({ method: 'GET', url: `/api/v1/communes/${A}/members`, token: matrix.token('adminB') });
    expect(asAdminB.status).toBe(403);
  });
});
