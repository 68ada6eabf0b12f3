import { ParticipationRateLimiter } from '@communes/api-feedback';
import { SearchIndexer } from '@communes/api-search';
import { TestContext, TestUser } from '@communes/api-testing';

interface Feedback {
  id: string;
  trackingNumber: string;
  status: string;
  visibility: string;
  answer: string | null;
  authorId: string | null;
  authorName: string | null;
  assigneeId: string | null;
  firstResponseAt: string | null;
  closedAt: string | null;
  supportCount: number;
  supportedByMe: boolean;
  isMine: boolean;
}
interface Page {
  items: Feedback[];
  total: number;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; messages: string[] }[];
}

const base = '/api/v1/communes/cotonou/feedback';
const doleance = (overrides: Record<string, unknown> = {}) => ({
  kind: 'doleance',
  category: 'assainissement',
  text: 'Le caniveau de la rue 12.045 à Agla est bouché depuis trois semaines ; l’eau stagne devant l’école.',
  place: 'Agla, rue 12.045',
  visibility: 'public',
  ...overrides,
});

describe('feedback (doléances and suggestions)', () => {
  let ctx: TestContext;
  let citizen: string;
  let citizenUser: TestUser;
  let other: string;
  let editor: string;
  let editorUser: TestUser;
  let moderator: string;
  let editorOfB: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    citizenUser = await ctx.newUser();
    citizen = await ctx.tokenFor(citizenUser);
    other = await ctx.tokenFor(await ctx.newUser());
    editorUser = await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] });
    editor = await ctx.tokenFor(editorUser);
    moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    editorOfB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
  });
  afterAll(() => ctx.close());

  it('lifecycle: sent with a tracking number, followed, supported, assigned, answered, resolved; response times recorded; in search once answered', async () => {
    const sent = await ctx.request<Feedback>({ method: 'POST', url: base, token: citizen, body: doleance() });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'received', isMine: true, supportCount: 0, answer: null, authorId: null, firstResponseAt: null });
    expect(sent.body.trackingNumber).toMatch(/^COT-20\d\d-\d{6}$/);
    const next = await ctx.request<Feedback>({ method: 'POST', url: base, token: other, body: doleance({ kind: 'suggestion', category: 'eclairage', text: 'Installer des lampadaires solaires sur la voie pavée de Fidjrossè.' }) });
    expect(Number(next.body.trackingNumber.slice(-6))).toBe(Number(sent.body.trackingNumber.slice(-6)) + 1);

    // Followed by its tracking number, by anyone (it is public).
    const tracked = await ctx.request<Feedback>({ method: 'GET', url: `${base}/by-number/${sent.body.trackingNumber}` });
    expect(tracked.body).toMatchObject({ id: sent.body.id, isMine: false, authorName: null });

    // Supported once per account, not by its author.
    const supported = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/support`, token: other });
    expect(supported.body).toMatchObject({ supportCount: 1, supportedByMe: true });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/support`, token: other })).body).toMatchObject({ status: 409, code: 'feedback.already-supported' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/support`, token: citizen })).body).toMatchObject({ status: 409, code: 'feedback.own' });

    // The staff queue, with filters; staff see who sent it.
    const queue = await ctx.request<Page>({ method: 'GET', url: `${base}?status=received&category=assainissement`, token: editor });
    expect(queue.body.items.map((f) => f.id)).toEqual([sent.body.id]);
    expect(queue.body.items[0].authorId).toBe(citizenUser.id);

    const assigned = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/assign`, token: editor, body: { assigneeId: editorUser.id } });
    expect(assigned.body).toMatchObject({ assigneeId: editorUser.id, status: 'received', firstResponseAt: null });
    const mine = await ctx.request<Page>({ method: 'GET', url: `${base}?assignee=${editorUser.id}`, token: editor });
    expect(mine.body.items.map((f) => f.id)).toEqual([sent.body.id]);
    const unassigned = await ctx.request<Page>({ method: 'GET', url: `${base}?assignee=none`, token: editor });
    expect(unassigned.body.items.map((f) => f.id)).toEqual([next.body.id]);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/assign`, token: editor, body: { assigneeId: citizenUser.id } })).body).toMatchObject({ status: 422, code: 'feedback.assignee-not-member' });

    const inProgress = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/status`, token: editor, body: { status: 'in_progress' } });
    expect(inProgress.body.status).toBe('in_progress');
    expect(inProgress.body.firstResponseAt).not.toBeNull();

    // Not yet answered: not in search.
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=caniveau&kind=feedback' })).body.total).toBe(0);

    const answered = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/answer`, token: editor, body: { answer: 'Une équipe de la voirie interviendra le 14 mars pour curer le caniveau.' } });
    expect(answered.body).toMatchObject({ status: 'answered', answer: 'Une équipe de la voirie interviendra le 14 mars pour curer le caniveau.' });
    expect(answered.body.firstResponseAt).toBe(inProgress.body.firstResponseAt);

    await ctx.app.get(SearchIndexer).drain();
    const found = await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=caniveau&kind=feedback' });
    expect(found.body.total).toBe(1);

    const resolved = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/status`, token: editor, body: { status: 'resolved' } });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.closedAt).not.toBeNull();
    expect(resolved.body.answer).toBe(answered.body.answer);

    // Closed stays closed.
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/status`, token: editor, body: { status: 'in_progress' } })).body).toMatchObject({ status: 409, code: 'feedback.invalid-transition' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/answer`, token: editor, body: { answer: 'Autre réponse' } })).body).toMatchObject({ status: 409, code: 'feedback.closed' });

    // The citizen follows it, with the public answer.
    const followed = await ctx.request<Feedback>({ method: 'GET', url: `${base}/${sent.body.id}`, token: citizen });
    expect(followed.body).toMatchObject({ status: 'resolved', isMine: true, answer: answered.body.answer });

    // Every staff action is audited.
    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = $1 order by id`, [sent.body.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['feedback.submitted', 'feedback.assigned', 'feedback.status-changed', 'feedback.answered', 'feedback.status-changed']);
  });

  it('declining needs a public reason', async () => {
    const sent = await ctx.request<Feedback>({ method: 'POST', url: base, token: citizen, body: doleance({ category: 'marches', text: 'Déplacer le marché de Dantokpa hors de la ville.' }) });
    const noReason = await ctx.request<Problem>({ method: 'POST', url: `${base}/${sent.body.id}/status`, token: editor, body: { status: 'declined' } });
    expect(noReason.body).toMatchObject({ status: 400, code: 'validation.failed' });
    expect(noReason.body.errors?.[0].field).toBe('answer');
    const declined = await ctx.request<Feedback>({ method: 'POST', url: `${base}/${sent.body.id}/status`, token: editor, body: { status: 'declined', answer: 'Le marché relève d’un projet national en cours.' } });
    expect(declined.body).toMatchObject({ status: 'declined', answer: 'Le marché relève d’un projet national en cours.' });
    expect(declined.body.closedAt).not.toBeNull();
  });

  it('private feedback: its author and the commune staff only', async () => {
    const sent = await ctx.request<Feedback>({ method: 'POST', url: base, token: citizen, body: doleance({ visibility: 'private', category: 'etat_civil', text: 'Mon acte de naissance demandé en janvier n’est toujours pas prêt.' }) });
    expect(sent.status).toBe(201);
    const url = `${base}/${sent.body.id}`;
    expect((await ctx.request({ method: 'GET', url })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url, token: other })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url, token: editorOfB })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url: `${base}/by-number/${sent.body.trackingNumber}`, token: other })).status).toBe(404);
    expect((await ctx.request({ method: 'GET', url, token: citizen })).status).toBe(200);
    expect((await ctx.request({ method: 'GET', url, token: moderator })).status).toBe(200);
    expect((await ctx.request({ method: 'POST', url: `${url}/support`, token: other })).status).toBe(404);

    const publicList = await ctx.request<Page>({ method: 'GET', url: base, token: other });
    expect(publicList.body.items.map((f) => f.id)).not.toContain(sent.body.id);
    const bListing = await ctx.request<Page>({ method: 'GET', url: base, token: editorOfB });
    expect(bListing.body.items.map((f) => f.id)).not.toContain(sent.body.id);
    const own = await ctx.request<Page>({ method: 'GET', url: `${base}?mine=true`, token: citizen });
    expect(own.body.items.map((f) => f.id)).toContain(sent.body.id);
    expect(own.body.items.every((f) => f.isMine)).toBe(true);

    // Answered privately: never in search.
    await ctx.request({ method: 'POST', url: `${url}/answer`, token: editor, body: { answer: 'Votre acte est prêt au guichet 3.' } });
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=naissance' })).body.total).toBe(0);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const before = await ctx.fingerprint();
    const cases: [Record<string, unknown>, string][] = [
      [doleance({ text: 'court' }), 'text'],
      [doleance({ text: 'x'.repeat(4001) }), 'text'],
      [doleance({ category: 'politique' }), 'category'],
      [doleance({ kind: 'plainte' }), 'kind'],
      [doleance({ visibility: 'secret' }), 'visibility'],
      [doleance({ latitude: 6.37 }), 'longitude'],
      [doleance({ latitude: 123, longitude: 2.39 }), 'latitude'],
      [doleance({ place: 'p'.repeat(201) }), 'place'],
      [doleance({ status: 'resolved' }), 'status'],
    ];
    for (const [body, field] of cases) {
      const response = await ctx.request<Problem>({ method: 'POST', url: base, token: citizen, body });
      expect({ field, status: response.status, type: response.headers['content-type'] }).toEqual({ field, status: 400, type: expect.stringContaining('application/problem+json') });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}?status=unknown` })).status).toBe(400);
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}?pageSize=1000` })).status).toBe(400);
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}?assignee=none`, token: citizen })).status).toBe(403);
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}/by-number/not-a-number` })).status).toBe(400);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${'0'.repeat(8)}-0000-4000-8000-000000000000/status`, token: editor, body: { status: 'received' } })).status).toBe(400);
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('gives distinct tracking numbers to concurrent submissions', async () => {
    const tokens = await Promise.all(Array.from({ length: 8 }, async () => ctx.tokenFor(await ctx.newUser())));
    const responses = await Promise.all(tokens.map((token) => ctx.request<Feedback>({ method: 'POST', url: base, token, body: doleance() })));
    expect(responses.map((r) => r.status)).toEqual(tokens.map(() => 201));
    expect(new Set(responses.map((r) => r.body.trackingNumber)).size).toBe(8);
  });
});

describe('feedback rate limits', () => {
  let ctx: TestContext;
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After, per account and then per address', async () => {
    ctx = await TestContext.create({ PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '3', PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR: '5' });
    const first = await ctx.tokenFor(await ctx.newUser());
    for (let i = 0; i < 3; i += 1) {
      expect((await ctx.request({ method: 'POST', url: base, token: first, body: doleance() })).status).toBe(201);
    }
    const limited = await ctx.request<Problem>({ method: 'POST', url: base, token: first, body: doleance() });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate-limit.exceeded');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Another account from the same address: two more, then the address is over its limit.
    const second = await ctx.tokenFor(await ctx.newUser());
    expect((await ctx.request({ method: 'POST', url: base, token: second, body: doleance() })).status).toBe(201);
    expect((await ctx.request({ method: 'POST', url: base, token: second, body: doleance() })).status).toBe(201);
    const byAddress = await ctx.request<Problem>({ method: 'POST', url: base, token: second, body: doleance() });
    expect(byAddress.status).toBe(429);
    expect(byAddress.headers['retry-after']).toBeDefined();
    expect(Number((await ctx.sql.query<{ n: string }>(`select count(*) as n from feedback`)).rows[0].n)).toBe(5);
  });

  it('limits submissions without an account per address, lower than the address ceiling, without touching signed-in ones', async () => {
    await ctx.close();
    ctx = await TestContext.create({ PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR: '100', PARTICIPATION_LIMIT_ANONYMOUS_PER_ADDRESS_PER_HOUR: '2' });
    const limiter = ctx.app.get(ParticipationRateLimiter);
    const phone = { userId: null, address: '203.0.113.7' };
    expect(await limiter.hit('report', phone)).toBeNull();
    expect(await limiter.hit('report', phone)).toBeNull();
    expect(await limiter.hit('report', phone)).toBeGreaterThan(0);
    // Another address, and an account behind the same address (carrier NAT), are not affected.
    expect(await limiter.hit('report', { userId: null, address: '203.0.113.8' })).toBeNull();
    const user = await ctx.newUser();
    expect(await limiter.hit('report', { userId: user.id, address: phone.address })).toBeNull();
  });
});
