import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Topic {
  id: string;
  state: string;
  commentCount: number;
}
interface Comment {
  id: string;
  parentId: string | null;
  body: string | null;
  isOfficial: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  agreeCount: number;
  disagreeCount: number;
  myReaction: string | null;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string }[];
}

const base = '/api/v1/communes/cotonou/debates';

describe('debates', () => {
  let ctx: TestContext;
  let editor: string;
  let moderator: string;
  let author: string;
  let reader: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    author = await ctx.tokenFor(await ctx.newUser());
    reader = await ctx.tokenFor(await ctx.newUser());
  });
  afterAll(() => ctx.close());

  it('topic, threaded comments, reactions, official answer; moderation hides a comment everywhere but for its author (told why) and the staff', async () => {
    const draft = await ctx.request<Topic>({ method: 'POST', url: base, token: editor, body: { title: 'Stationnement autour du marché Dantokpa', body: 'Les embouteillages aux abords du marché s’aggravent. Quelles solutions proposez-vous ?' } });
    expect(draft.body.state).toBe('draft');
    expect((await ctx.request({ method: 'GET', url: `${base}/${draft.body.id}` })).status).toBe(404);
    const comments = `${base}/${draft.body.id}/comments`;
    expect((await ctx.request<Problem>({ method: 'POST', url: comments, token: author, body: { body: 'Trop tôt ?' } })).status).toBe(404);

    const open = await ctx.request<Topic>({ method: 'POST', url: `${base}/${draft.body.id}/open`, token: editor });
    expect(open.body.state).toBe('open');

    const first = await ctx.request<Comment>({ method: 'POST', url: comments, token: author, body: { body: 'Il faudrait un parking relais à Akpakpa avec des navettes.' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ isOfficial: false, hidden: false, parentId: null });
    const reply = await ctx.request<Comment>({ method: 'POST', url: comments, token: reader, body: { body: 'Bonne idée, et des zémidjans organisés.', parentId: first.body.id } });
    expect(reply.body.parentId).toBe(first.body.id);
    const official = await ctx.request<Comment>({ method: 'POST', url: comments, token: editor, body: { body: 'La mairie étudie un parking relais ; une réunion publique aura lieu le 14 mars.', parentId: first.body.id } });
    expect(official.body.isOfficial).toBe(true);

    const agreed = await ctx.request<Comment>({ method: 'PUT', url: `${comments}/${first.body.id}/reaction`, token: reader, body: { kind: 'agree' } });
    expect(agreed.body).toMatchObject({ agreeCount: 1, disagreeCount: 0, myReaction: 'agree' });
    const changed = await ctx.request<Comment>({ method: 'PUT', url: `${comments}/${first.body.id}/reaction`, token: reader, body: { kind: 'disagree' } });
    expect(changed.body).toMatchObject({ agreeCount: 0, disagreeCount: 1, myReaction: 'disagree' });
    const withdrawn = await ctx.request<Comment>({ method: 'DELETE', url: `${comments}/${first.body.id}/reaction`, token: reader });
    expect(withdrawn.body).toMatchObject({ disagreeCount: 0, myReaction: null });

    // Moderation: the moderator hides the reply with a reason.
    expect((await ctx.request({ method: 'POST', url: `${comments}/${reply.body.id}/hide`, token: editor, body: { reason: 'Propos hors sujet' } })).status).toBe(403);
    const hidden = await ctx.request<Comment>({ method: 'POST', url: `${comments}/${reply.body.id}/hide`, token: moderator, body: { reason: 'Propos injurieux envers un habitant' } });
    expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Propos injurieux envers un habitant' });

    const publicThread = await ctx.request<Comment[]>({ method: 'GET', url: comments });
    const hiddenForPublic = publicThread.body.find((c) => c.id === reply.body.id);
    expect(hiddenForPublic).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    const authorThread = await ctx.request<Comment[]>({ method: 'GET', url: comments, token: reader });
    expect(authorThread.body.find((c) => c.id === reply.body.id)).toMatchObject({ hidden: true, body: 'Bonne idée, et des zémidjans organisés.', hiddenReason: 'Propos injurieux envers un habitant' });
    expect((await ctx.request<Topic>({ method: 'GET', url: `${base}/${draft.body.id}` })).body.commentCount).toBe(2);
    expect((await ctx.request<Problem>({ method: 'PUT', url: `${comments}/${reply.body.id}/reaction`, token: author, body: { kind: 'agree' } })).status).toBe(403);
    expect((await ctx.request<Problem>({ method: 'POST', url: comments, token: author, body: { body: 'Je réponds au commentaire masqué', parentId: reply.body.id } })).body).toMatchObject({ status: 409, code: 'debate.parent-hidden' });

    const restored = await ctx.request<Comment>({ method: 'POST', url: `${comments}/${reply.body.id}/restore`, token: moderator, body: { reason: 'Erreur de modération' } });
    expect(restored.body).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await ctx.request<Comment[]>({ method: 'GET', url: comments })).body.find((c) => c.id === reply.body.id)?.body).toBe('Bonne idée, et des zémidjans organisés.');

    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=stationnement&kind=debate' })).body.total).toBe(1);

    const closed = await ctx.request<Topic>({ method: 'POST', url: `${base}/${draft.body.id}/close`, token: editor });
    expect(closed.body.state).toBe('closed');
    expect((await ctx.request<Problem>({ method: 'POST', url: comments, token: author, body: { body: 'Encore une idée' } })).body).toMatchObject({ status: 409, code: 'debate.not-open' });

    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where action like 'debate.%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['debate.created', 'debate.opened', 'debate.official-answer', 'debate.comment-hidden', 'debate.comment-restored', 'debate.closed']);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const topic = await ctx.request<Topic>({ method: 'POST', url: base, token: editor, body: { title: 'Propreté des berges de la lagune', body: 'Comment garder les berges propres ?', open: true } });
    const comments = `${base}/${topic.body.id}/comments`;
    const before = await ctx.fingerprint();
    for (const [body, field] of [
      [{ body: 'x' }, 'body'],
      [{ body: 'y'.repeat(2001) }, 'body'],
      [{ body: 'Réponse', parentId: 'abc' }, 'parentId'],
      [{ body: 'Réponse', official: true }, 'official'],
    ] as const) {
      const response = await ctx.request<Problem>({ method: 'POST', url: comments, token: author, body });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    expect((await ctx.request<Problem>({ method: 'POST', url: comments, token: author, body: { body: 'Réponse', parentId: '0a000000-0000-4000-8000-000000000000' } })).body).toMatchObject({ status: 422, code: 'debate.parent-not-found' });
    expect((await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { title: 'Nul', body: 'court' } })).status).toBe(400);
    expect(await ctx.fingerprint()).toEqual(before);
  });
});

describe('debate comments rate limit', () => {
  let ctx: TestContext;
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After past the per-account limit', async () => {
    ctx = await TestContext.create({ PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '2' });
    const editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    const topic = await ctx.request<Topic>({ method: 'POST', url: base, token: editor, body: { title: 'Horaires du marché de nuit', body: 'Quels horaires vous conviendraient ?', open: true } });
    const citizen = await ctx.tokenFor(await ctx.newUser());
    const url = `${base}/${topic.body.id}/comments`;
    expect((await ctx.request({ method: 'POST', url, token: citizen, body: { body: 'De 18 h à 23 h.' } })).status).toBe(201);
    expect((await ctx.request({ method: 'POST', url, token: citizen, body: { body: 'Et le samedi jusqu’à minuit.' } })).status).toBe(201);
    const limited = await ctx.request<Problem>({ method: 'POST', url, token: citizen, body: { body: 'Une dernière idée.' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
