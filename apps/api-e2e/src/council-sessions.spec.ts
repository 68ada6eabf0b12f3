import { SearchIndexer } from '@communes/api-search';
import { TestContext, TestUser } from '@communes/api-testing';

interface Question {
  id: string;
  text: string;
  answer: string | null;
  answered: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  authorId: string | null;
  authorName: string | null;
  isMine: boolean;
}
interface Session {
  id: string;
  kind: string;
  sessionType: string | null;
  status: string;
  streamUrl: string | null;
  streamEmbedUrl: string | null;
  streamKind: string | null;
  cancellationReason: string | null;
  summary: string | null;
  questionCount: number;
  agenda: { position: number; title: string; documents: { documentId: string; role: string }[] }[];
  documents: { documentId: string; role: string; title: string }[];
  questions: Question[];
  lastEventId: string;
  events: { id: string; type: string; data: Record<string, unknown> }[] | null;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; messages: string[] }[];
}

const base = '/api/v1/communes/cotonou/council-sessions';
const question = 'Quand les travaux de pavage de la rue du marché de Vossa reprendront-ils ?';

describe('council sessions', () => {
  let ctx: TestContext;
  let editor: string;
  let moderator: string;
  let citizen: string;
  let citizenUser: TestUser;
  let other: string;
  let editorOfB: string;
  let published: { id: string };
  let draftDocument: { id: string };

  const session = (overrides: Record<string, unknown> = {}) => ({
    sessionType: 'ordinary',
    title: 'Première session ordinaire 2026 du conseil communal',
    place: 'Hôtel de ville, salle des délibérations',
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s',
    agenda: [
      { title: 'Examen et vote du budget primitif 2026', documentIds: [published.id] },
      { title: 'Questions diverses' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    citizenUser = await ctx.newUser();
    citizen = await ctx.tokenFor(citizenUser);
    other = await ctx.tokenFor(await ctx.newUser());
    editorOfB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'editor' }] }));
    published = await ctx.newDocument('cotonou', { state: 'published' });
    draftDocument = await ctx.newDocument('cotonou', { state: 'draft' });
  });
  afterAll(() => ctx.close());

  async function scheduled(overrides: Record<string, unknown> = {}): Promise<Session> {
    const created = await ctx.request<Session>({ method: 'POST', url: base, token: editor, body: { ...session(overrides), publish: true } });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('staff schedule a session with its agenda and stream; the public sees it once published, and search gets it', async () => {
    const created = await ctx.request<Session>({ method: 'POST', url: base, token: editor, body: session() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'council',
      sessionType: 'ordinary',
      status: 'draft',
      streamKind: 'youtube',
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      streamEmbedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    expect(created.body.agenda.map((item) => [item.position, item.title, item.documents.map((d) => d.documentId)])).toEqual([
      [1, 'Examen et vote du budget primitif 2026', [published.id]],
      [2, 'Questions diverses', []],
    ]);
    const id = created.body.id;
    await ctx.app.get(SearchIndexer).drain();
    const searchFor = () => ctx.request<{ total: number; hits: { record: { id: string; url: string } }[] }>({ method: 'GET', url: '/api/v1/search?q=budget%20primitif%202026&kind=session' });
    expect((await searchFor()).body.total).toBe(0);

    expect((await ctx.request({ method: 'GET', url: `${base}/${id}` })).status).toBe(404);
    expect((await ctx.request<Session[]>({ method: 'GET', url: base })).body.map((s) => s.id)).not.toContain(id);
    expect((await ctx.request<Session[]>({ method: 'GET', url: base, token: editor })).body.map((s) => s.id)).toContain(id);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}`, token: editorOfB })).status).toBe(404);
    // A draft takes no question: unseen by citizens (404), not open yet for its staff (409).
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: question } })).status).toBe(404);
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, token: editor, body: { text: question } })).status).toBe(409);

    const publishedSession = await ctx.request<Session>({ method: 'POST', url: `${base}/${id}/publish`, token: editor });
    expect(publishedSession.status).toBe(200);
    expect(publishedSession.body.status).toBe('scheduled');
    const upcoming = await ctx.request<Session[]>({ method: 'GET', url: `${base}?period=upcoming` });
    expect(upcoming.body.map((s) => s.id)).toContain(id);
    const read = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}` });
    expect(read.status).toBe(200);
    expect(read.body.agenda[0].documents[0]).toMatchObject({ documentId: published.id, role: 'agenda' });
    await ctx.app.get(SearchIndexer).drain();
    const found = await searchFor();
    expect(found.body.total).toBe(1);
    expect(found.body.hits[0].record).toMatchObject({ id: `session:${id}`, url: `/communes/cotonou/sessions/${id}` });
    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = $1 order by id`, [id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['council-session.created', 'council-session.published']);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const before = await ctx.fingerprint();
    const cases: [Record<string, unknown>, number, string][] = [
      [session({ streamUrl: 'javascript:alert(1)' }), 400, 'streamUrl'],
      [session({ streamUrl: 'data:text/html,<script>alert(1)</script>' }), 400, 'streamUrl'],
      [session({ streamUrl: 'http://live.cotonou.bj/conseil.m3u8' }), 400, 'streamUrl'],
      [session({ streamUrl: 'https://example.com/video.mp4' }), 400, 'streamUrl'],
      [session({ sessionType: undefined }), 400, 'sessionType'],
      [session({ kind: 'accountability' }), 400, 'sessionType'],
      [session({ endsAt: '2020-01-01T00:00:00Z' }), 400, 'endsAt'],
      [session({ title: '' }), 400, 'title'],
      [session({ startsAt: 'demain' }), 400, 'startsAt'],
      [session({ agenda: [{ title: 'x', documentIds: ['not-a-uuid'] }] }), 400, 'agenda.0.documentIds'],
      [session({ unknown: true }), 400, 'unknown'],
    ];
    for (const [body, status, field] of cases) {
      const response = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body });
      expect({ field, status: response.status, type: response.headers['content-type'] }).toEqual({ field, status, type: expect.stringContaining('application/problem+json') });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const draftLinked = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: session({ agenda: [{ title: 'Budget', documentIds: [draftDocument.id] }] }) });
    expect(draftLinked.status).toBe(422);
    expect(draftLinked.body.code).toBe('council-session.document-not-published');
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('accepts Facebook and HLS streams, and removes the stream with null', async () => {
    const facebook = await scheduled({ streamUrl: 'https://m.facebook.com/MairieDeCotonou/videos/1234567890/?mibextid=x' });
    expect(facebook).toMatchObject({ streamKind: 'facebook', streamUrl: 'https://www.facebook.com/MairieDeCotonou/videos/1234567890/' });
    const hls = await ctx.request<Session>({ method: 'PATCH', url: `${base}/${facebook.id}`, token: editor, body: session({ streamUrl: 'https://live.cotonou.bj/conseil/index.m3u8', agenda: undefined }) });
    expect(hls.body).toMatchObject({ streamKind: 'hls', streamEmbedUrl: 'https://live.cotonou.bj/conseil/index.m3u8' });
    expect(hls.body.agenda).toHaveLength(2);
    const removed = await ctx.request<Session>({ method: 'PATCH', url: `${base}/${facebook.id}`, token: editor, body: session({ streamUrl: null, agenda: [] }) });
    expect(removed.body).toMatchObject({ streamKind: null, streamUrl: null, streamEmbedUrl: null, agenda: [] });
  });

  it('citizens ask questions; staff answer or hide them with a reason that only the author and staff read', async () => {
    const { id } = await scheduled();
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, body: { text: question } })).status).toBe(401);
    const tooShort = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: 'Pourquoi' } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors?.[0].field).toBe('text');
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: 'x'.repeat(1001) } })).status).toBe(400);

    const asked = await ctx.request<Question>({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: `  ${question}  ` } });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ text: question, isMine: true, hidden: false, answered: false, authorId: null });
    const rude = await ctx.request<Question>({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: 'Une question déplacée envers un conseiller.' } });

    const asOther = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}`, token: other });
    expect(asOther.body.questions.map((q) => [q.id, q.isMine, q.authorName])).toEqual([
      [asked.body.id, false, null],
      [rude.body.id, false, null],
    ]);
    const asStaff = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}`, token: moderator });
    expect(asStaff.body.questions[0].authorId).toBe(citizenUser.id);

    // Moderators hide but do not answer; editors do both.
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions/${asked.body.id}/answer`, token: moderator, body: {} })).status).toBe(403);
    const answered = await ctx.request<Question>({ method: 'POST', url: `${base}/${id}/questions/${asked.body.id}/answer`, token: editor, body: { answer: 'Les travaux reprennent le 2 mars.' } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ answered: true, answer: 'Les travaux reprennent le 2 mars.' });
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions/${rude.body.id}/hide`, token: moderator, body: { reason: 'x' } })).status).toBe(400);
    const hidden = await ctx.request<Question>({ method: 'POST', url: `${base}/${id}/questions/${rude.body.id}/hide`, token: moderator, body: { reason: 'Propos injurieux envers un conseiller' } });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Propos injurieux envers un conseiller' });
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions/${rude.body.id}/hide`, token: moderator, body: { reason: 'Encore' } })).status).toBe(409);
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions/${rude.body.id}/answer`, token: editor, body: {} })).status).toBe(409);

    const anonymous = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}` });
    expect(anonymous.body.questions.map((q) => q.id)).toEqual([asked.body.id]);
    expect(anonymous.body.questionCount).toBe(1);
    const author = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}`, token: citizen });
    expect(author.body.questions.find((q) => q.id === rude.body.id)).toMatchObject({ hidden: true, hiddenReason: 'Propos injurieux envers un conseiller', isMine: true });

    const audit = await ctx.sql.query<{ action: string; details: { reason?: string } }>(`select action, details from audit_events where target_id = $1 order by id`, [rude.body.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['council-session.question-asked', 'council-session.question-hidden']);
    expect(audit.rows[1].details.reason).toBe('Propos injurieux envers un conseiller');
  });

  it('runs live, ends, then takes the minutes, deliberations and summary; questions close with the session', async () => {
    const { id } = await scheduled();
    const minutes = await ctx.newDocument('cotonou', { state: 'published' });
    const tooEarly = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/documents`, token: editor, body: { role: 'minutes', documentId: minutes.id } });
    expect(tooEarly.status).toBe(409);
    expect((await ctx.request({ method: 'PUT', url: `${base}/${id}/summary`, token: editor, body: { summary: 'Trop tôt' } })).status).toBe(409);

    expect((await ctx.request<Session>({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'live' } })).body.status).toBe('live');
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'live' } })).status).toBe(409);
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: question } })).status).toBe(201);
    expect((await ctx.request<Session>({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'ended' } })).body.status).toBe('ended');
    const closed = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: question } });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('council-session.questions-closed');

    const linked = await ctx.request<Session>({ method: 'POST', url: `${base}/${id}/documents`, token: editor, body: { role: 'minutes', documentId: minutes.id } });
    expect(linked.status).toBe(200);
    expect(linked.body.documents.map((d) => [d.role, d.documentId])).toEqual([['minutes', minutes.id]]);
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/documents`, token: editor, body: { role: 'minutes', documentId: minutes.id } })).status).toBe(409);
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/documents`, token: editor, body: { role: 'deliberation', documentId: draftDocument.id } })).status).toBe(422);
    const summary = await ctx.request<Session>({ method: 'PUT', url: `${base}/${id}/summary`, token: editor, body: { summary: 'Le budget primitif 2026 a été adopté à l’unanimité.' } });
    expect(summary.body.summary).toBe('Le budget primitif 2026 a été adopté à l’unanimité.');
    const past = await ctx.request<Session[]>({ method: 'GET', url: `${base}?period=past` });
    expect(past.body.map((s) => s.id)).toContain(id);
    const unlinked = await ctx.request<Session>({ method: 'DELETE', url: `${base}/${id}/documents/${minutes.id}?role=minutes`, token: editor });
    expect(unlinked.body.documents).toEqual([]);
  });

  it('cancels with a reason only, keeps the session public; drafts are deleted, published ones are not', async () => {
    const { id } = await scheduled();
    const noReason = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'cancelled' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0].field).toBe('reason');
    const cancelled = await ctx.request<Session>({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'cancelled', reason: 'Reportée faute de quorum' } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Reportée faute de quorum' });
    expect((await ctx.request({ method: 'PATCH', url: `${base}/${id}`, token: editor, body: session() })).status).toBe(409);
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${id}`, token: editor })).status).toBe(409);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}` })).status).toBe(200);

    const draft = await ctx.request<Session>({ method: 'POST', url: base, token: editor, body: session() });
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${draft.body.id}`, token: editor })).status).toBe(204);
    expect((await ctx.sql.query(`select 1 from council_sessions where id = $1`, [draft.body.id])).rowCount).toBe(0);
  });

  it('accountability sessions: no session type, a summary afterwards, and the commune summary tells when the last one took place', async () => {
    const before = await ctx.request<{ kind: string; lastHeldAt: string | null }[]>({ method: 'GET', url: `${base}/summary` });
    expect(before.body.find((s) => s.kind === 'accountability')?.lastHeldAt).toBeNull();
    const created = await ctx.request<Session>({
      method: 'POST',
      url: base,
      token: editor,
      body: { kind: 'accountability', title: 'Reddition de comptes 2026', startsAt: new Date(Date.now() + 86_400_000).toISOString(), publish: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'accountability', sessionType: null, status: 'scheduled' });
    const id = created.body.id;
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: 'Où en est le forage promis à Vossa en 2025 ?' } })).status).toBe(201);
    const photo = await ctx.newDocument('cotonou', { state: 'published' });
    expect((await ctx.request({ method: 'POST', url: `${base}/${id}/documents`, token: editor, body: { role: 'media', documentId: photo.id } })).status).toBe(200);
    await ctx.request({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'ended' } });
    await ctx.request({ method: 'PUT', url: `${base}/${id}/summary`, token: editor, body: { summary: 'Le maire a présenté le bilan 2025.' } });

    const summary = await ctx.request<{ kind: string; lastHeldAt: string | null; heldLast12Months: number }[]>({ method: 'GET', url: `${base}/summary` });
    const accountability = summary.body.find((s) => s.kind === 'accountability');
    expect(accountability?.heldLast12Months).toBe(1);
    expect(Date.now() - new Date(accountability?.lastHeldAt ?? 0).getTime()).toBeLessThan(60_000);
    const page = await ctx.request<{ sessions: { lastAccountabilitySessionAt: string | null } }>({ method: 'GET', url: '/api/v1/communes/cotonou' });
    expect(page.body.sessions.lastAccountabilitySessionAt).toBe(accountability?.lastHeldAt);
    const list = await ctx.request<Session[]>({ method: 'GET', url: `${base}?period=past&kind=accountability` });
    expect(list.body.map((s) => s.id)).toEqual([id]);
  });

  it('polling fallback: ?since returns the events that followed, in order', async () => {
    const { id } = await scheduled();
    const start = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}?since=0` });
    expect(start.body.events).toEqual([]);
    const from = start.body.lastEventId;
    await ctx.request({ method: 'POST', url: `${base}/${id}/status`, token: editor, body: { status: 'live' } });
    const asked = await ctx.request<Question>({ method: 'POST', url: `${base}/${id}/questions`, token: citizen, body: { text: question } });
    await ctx.request({ method: 'POST', url: `${base}/${id}/questions/${asked.body.id}/answer`, token: editor, body: {} });
    const polled = await ctx.request<Session>({ method: 'GET', url: `${base}/${id}?since=${from}` });
    expect(polled.body.events?.map((e) => e.type)).toEqual(['status', 'question', 'answer']);
    expect(polled.body.events?.[1].data).toMatchObject({ question: { id: asked.body.id, text: question, authorId: null, isMine: false } });
    expect(polled.body.lastEventId).toBe(polled.body.events?.[2].id);
    expect((await ctx.request<Session>({ method: 'GET', url: `${base}/${id}?since=${polled.body.lastEventId}` })).body.events).toEqual([]);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}?since=abc` })).status).toBe(400);
  });
});

describe('council session question rate limits', () => {
  let ctx: TestContext;
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After once an account is over its limit', async () => {
    ctx = await TestContext.create({ PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '2', PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR: '100' });
    const editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    const created = await ctx.request<Session>({
      method: 'POST',
      url: base,
      token: editor,
      body: { sessionType: 'extraordinary', title: 'Session extraordinaire', startsAt: new Date(Date.now() + 86_400_000).toISOString(), publish: true },
    });
    const citizen = await ctx.tokenFor(await ctx.newUser());
    const url = `${base}/${created.body.id}/questions`;
    for (let i = 0; i < 2; i += 1) expect((await ctx.request({ method: 'POST', url, token: citizen, body: { text: question } })).status).toBe(201);
    const limited = await ctx.request<Problem>({ method: 'POST', url, token: citizen, body: { text: question } });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number((await ctx.sql.query<{ n: string }>(`select count(*) as n from council_session_questions`)).rows[0].n)).toBe(2);
  });
});
