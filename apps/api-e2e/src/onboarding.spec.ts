import { hashOpaqueToken } from '@communes/api-core';
import { TestContext, TestUser } from '@communes/api-testing';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

describe('ANCB onboards a commune; its first admin takes over', () => {
  let ctx: TestContext;
  let ancb: string;
  let ministry: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
    ministry = await ctx.tokenFor(await ctx.newUser({ platformRole: 'ministry_observer' }));
  });
  afterAll(() => ctx.close());

  it('lists the 77 communes of Benin, 3 pilots active, filterable', async () => {
    const all = await ctx.request<{ total: number; items: { slug: string; status: string; isPilot: boolean }[] }>({ method: 'GET', url: '/api/v1/communes' });
    expect(all.body.total).toBe(77);
    const active = all.body.items.filter((c) => c.status === 'active').map((c) => c.slug).sort();
    expect(active).toEqual(['abomey-calavi', 'akpro-misserete', 'cotonou']);
    const atlantique = await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/communes?department=Atlantique&status=not_onboarded' });
    expect(atlantique.body.total).toBe(7);
    const bad = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/communes?status=sleeping' });
    expect(bad.status).toBe(400);
    const unknown = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/communes/atlantis' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('commune.not-found');
  });

  it('goes from the national list to an active commune with a team', async () => {
    // ANCB onboards Ouidah from the national list.
    const onboarded = await ctx.request<{ status: string; checklist: { item: string; done: boolean }[] }>({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'ouidah' } });
    expect(onboarded.status).toBe(201);
    expect(onboarded.body.status).toBe('onboarding');
    expect(onboarded.body.checklist.map((c) => c.done)).toEqual([false, false, false]);
    const again = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'ouidah' } });
    expect(again.status).toBe(409);

    // ...and invites its first admin.
    const invitation = await ctx.request<{ token: string; acceptUrl: string }>({ method: 'POST', url: '/api/v1/communes/ouidah/invitations', token: ancb, body: { email: 'SG@Ouidah.bj', role: 'admin' } });
    expect(invitation.status).toBe(201);
    expect(invitation.body.acceptUrl).toContain(invitation.body.token);

    // The admin accepts: the account is created and logged in.
    const missing = await ctx.request<Problem>({ method: 'POST', url: `/api/v1/invitations/${invitation.body.token}/accept`, body: {} });
    expect(missing.status).toBe(400);
    const accepted = await ctx.request<{ communeSlug: string; role: string; tokens: { accessToken: string } }>({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.body.token}/accept`,
      body: { displayName: 'Secrétaire général de Ouidah', password: 'ouidah-password' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ communeSlug: 'ouidah', role: 'admin' });
    // Signed in as by a login: the refresh token in its httpOnly cookie, never in the body.
    expect(Object.keys(accepted.body.tokens).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    expect(String(accepted.headers['set-cookie'])).toMatch(/^communes\.refresh=[\w-]{20,}; .*HttpOnly.*SameSite=Strict/);
    const admin = accepted.body.tokens.accessToken;
    const reuse = await ctx.request<Problem>({ method: 'POST', url: `/api/v1/invitations/${invitation.body.token}/accept`, body: { displayName: 'X', password: 'another-password' } });
    expect(reuse.status).toBe(409);

    const me = await ctx.request<{ email: string; memberships: { communeSlug: string; role: string }[] }>({ method: 'GET', url: '/api/v1/me', token: admin });
    expect(me.body).toMatchObject({ email: 'sg@ouidah.bj', memberships: [{ communeSlug: 'ouidah', role: 'admin' }] });

    // The admin invites an existing citizen as editor; the citizen logs in and accepts.
    const citizen: TestUser = await ctx.newUser();
    const citizenToken = await ctx.tokenFor(citizen);
    const editorInvitation = await ctx.request<{ token: string }>({ method: 'POST', url: '/api/v1/communes/ouidah/invitations', token: admin, body: { email: citizen.email, role: 'editor' } });
    const anonymousAccept = await ctx.request<Problem>({ method: 'POST', url: `/api/v1/invitations/${editorInvitation.body.token}/accept`, body: { displayName: 'Pirate', password: 'pirate-password' } });
    expect(anonymousAccept.status).toBe(409);
    expect(anonymousAccept.body.code).toBe('invitation.login-required');
    const linked = await ctx.request<{ tokens: null }>({ method: 'POST', url: `/api/v1/invitations/${editorInvitation.body.token}/accept`, token: citizenToken, body: {} });
    expect(linked.status).toBe(201);
    expect(linked.body.tokens).toBeNull();
    expect(linked.headers['set-cookie']).toBeUndefined();

    // The admin manages the team; the commune keeps at least one admin.
    const members = await ctx.request<{ userId: string; role: string }[]>({ method: 'GET', url: '/api/v1/communes/ouidah/members', token: admin });
    expect(members.body.map((m) => m.role).sort()).toEqual(['admin', 'editor']);
    const promoted = await ctx.request<{ role: string }>({ method: 'PATCH', url: `/api/v1/communes/ouidah/members/${citizen.id}`, token: admin, body: { role: 'moderator' } });
    expect(promoted.body.role).toBe('moderator');
    const adminId = members.body.find((m) => m.role === 'admin')!.userId;
    const lastAdmin = await ctx.request<Problem>({ method: 'DELETE', url: `/api/v1/communes/ouidah/members/${adminId}`, token: admin });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.code).toBe('member.last-admin');
    const badRole = await ctx.request<Problem>({ method: 'PATCH', url: `/api/v1/communes/ouidah/members/${citizen.id}`, token: admin, body: { role: 'mayor' } });
    expect(badRole.status).toBe(400);

    // ANCB ticks the checklist and activates the commune; a wrong transition is refused.
    const checklist = await ctx.request<{ checklist: { done: boolean }[] }>({ method: 'PATCH', url: '/api/v1/communes/ouidah/checklist', token: ancb, body: { focalPointNamed: true, staffTrained: true } });
    expect(checklist.body.checklist.map((c) => c.done)).toEqual([true, true, false]);
    const toSuspended = await ctx.request<Problem>({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'not_onboarded' } });
    expect(toSuspended.status).toBe(422);
    const active = await ctx.request<{ status: string }>({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'active' } });
    expect(active.body.status).toBe('active');
    const noReason = await ctx.request<Problem>({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'suspended' } });
    expect(noReason.status).toBe(400);
    const suspended = await ctx.request<{ status: string; suspensionReason: string }>({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ancb, body: { status: 'suspended', reason: 'Demande du conseil communal' } });
    expect(suspended.body).toMatchObject({ status: 'suspended', suspensionReason: 'Demande du conseil communal' });
    const closed = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/communes/ouidah/invitations', token: admin, body: { email: 'x@ouidah.bj', role: 'editor' } });
    expect(closed.body.code).toBe('invitation.commune-not-open');

    // ANCB follows the trail; the ministry sees the commune's status, not its internal trail, and changes nothing.
    const audit = await ctx.request<{ action: string; actorRole: string }[]>({ method: 'GET', url: '/api/v1/communes/ouidah/audit-events', token: ancb });
    expect(audit.status).toBe(200);
    expect(audit.body.map((e) => e.action)).toEqual(
      expect.arrayContaining(['commune.onboarded', 'invitation.created', 'invitation.accepted', 'member.role-changed', 'commune.checklist-updated', 'commune.status-changed']),
    );
    expect((await ctx.request({ method: 'GET', url: '/api/v1/communes/ouidah/audit-events', token: ministry })).status).toBe(403);
    expect((await ctx.request<{ status: string }>({ method: 'GET', url: '/api/v1/communes/ouidah', token: ministry })).body.status).toBe('suspended');
    const ministryWrite = await ctx.request<Problem>({ method: 'PATCH', url: '/api/v1/communes/ouidah/status', token: ministry, body: { status: 'active' } });
    expect(ministryWrite.status).toBe(403);
  });

  it('onboards a commune that is not on the national list', async () => {
    const incomplete = await ctx.request<Problem & { errors: { field: string }[] }>({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'kandi-nord' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e) => e.field).sort()).toEqual(['department', 'name']);
    const created = await ctx.request<{ slug: string; status: string }>({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'kandi-nord', name: 'Kandi-Nord', department: 'Alibori', population: 12000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'kandi-nord', status: 'onboarding' });
    const badSlug = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/communes', token: ancb, body: { slug: 'Kandi Nord!', name: 'x', department: 'y' } });
    expect(badSlug.status).toBe(400);
  });

  it('refuses expired and unknown invitation links', async () => {
    const token = 'expired-token-aaaaaaaaaaaaaaaaaaaaaaaa';
    await ctx.newInvitation('cotonou', { tokenHash: hashOpaqueToken(token), expiresAt: new Date(Date.now() - 1000) });
    const expired = await ctx.request<Problem>({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, body: { displayName: 'X', password: 'long-enough-password' } });
    expect(expired.status).toBe(410);
    const unknown = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/invitations/unknown-token-bbbbbbbbbbbbbbbbbbbbbb/accept', body: {} });
    expect(unknown.status).toBe(404);
  });
});
