import { Client } from 'pg';
import { MAX_ATTEMPTS, NotificationSender, RETRY_DELAYS_SECONDS } from '@communes/api-notifications';
import { TestContext, TestUser } from '@communes/api-testing';
import { type ReceivedMail, TestSmtpServer } from './support/test-smtp-server';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** Decodes the subject (nodemailer encodes non-ASCII as RFC 2047 words). */
function subjectOf(message: ReceivedMail): string {
  const subject = message.headers.get('subject') ?? '';
  return subject.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_match, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

const PUBLIC_URL = 'https://communes.test';

describe('email notifications (follows, outbox, SMTP, unsubscribe)', () => {
  const smtp = new TestSmtpServer();
  let ctx: TestContext;
  let sender: NotificationSender;
  let editor: TestUser;
  let editorToken: string;

  beforeAll(async () => {
    await smtp.start();
    ctx = await TestContext.create({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL, MAIL_FROM: 'Communes+ <no-reply@communes.test>' });
    sender = ctx.app.get(NotificationSender);
    editor = await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] });
    editorToken = await ctx.tokenFor(editor);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.stop();
  });

  async function citizen(): Promise<{ user: TestUser; token: string }> {
    const user = await ctx.newUser();
    return { user, token: await ctx.tokenFor(user) };
  }

  async function publishDocument(slug = 'cotonou'): Promise<{ id: string; title: string }> {
    const { id } = await ctx.newDocument(slug);
    const response = await ctx.request<{ title: string }>({ method: 'POST', url: `/api/v1/communes/${slug}/documents/${id}/publish`, token: editorToken });
    expect(response.status).toBe(200);
    return { id, title: response.body.title };
  }

  async function outboxOf(email: string) {
    const rows = await ctx.sql.query<{ status: string; attempts: number; template: string; language: string; delaySeconds: number; last_error: string | null }>(
      `select status, attempts, template, language, last_error, extract(epoch from next_attempt_at - now())::integer as "delaySeconds"
       from notification_outbox where recipient_email = $1 order by id`,
      [email],
    );
    return rows.rows;
  }

  /**
   * Makes only this recipient's pending emails due (the others wait a day): with the server down,
   * a run stops at its first email, so the email under test must be the first one.
   */
  async function onlyDue(email: string): Promise<void> {
    await ctx.sql.query(
      `update notification_outbox set next_attempt_at = case when recipient_email = $1 then now() else now() + interval '1 day' end where status = 'pending'`,
      [email],
    );
  }

  it('a follower gets one email per publication, in their language, with RFC 8058 headers; a non-follower gets none', async () => {
    const fr = await citizen();
    const en = await citizen();
    const other = await citizen();
    for (const { token } of [fr, en]) {
      expect((await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token })).status).toBe(200);
    }
    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: fr.token })).status).toBe(200); // idempotent
    expect((await ctx.request({ method: 'POST', url: '/api/v1/communes/porto-novo/follow', token: other.token })).status).toBe(200);
    const prefs = await ctx.request({ method: 'PATCH', url: '/api/v1/me/notification-preferences', token: en.token, body: { language: 'en' } });
    expect(prefs.body).toEqual({ language: 'en', emailsEnabled: true });
    const follows = await ctx.request<{ communeSlug: string }[]>({ method: 'GET', url: '/api/v1/me/follows', token: fr.token });
    expect(follows.body.map((f) => f.communeSlug)).toEqual(['cotonou']);

    const document = await publishDocument();
    // Queued in the publication's own transaction, before any worker ran.
    expect(await outboxOf(fr.user.email)).toEqual([expect.objectContaining({ status: 'pending', template: 'document.published', language: 'fr' })]);

    const result = await sender.drain();
    expect(result.sent).toBeGreaterThanOrEqual(2);
    const [frMail] = smtp.to(fr.user.email);
    const [enMail] = smtp.to(en.user.email);
    expect(smtp.to(other.user.email)).toEqual([]);
    expect(subjectOf(frMail)).toBe(`Cotonou a publié : ${document.title}`);
    expect(subjectOf(enMail)).toBe(`Cotonou published: ${document.title}`);
    expect(frMail.headers.get('content-language')).toBe('fr');
    expect(enMail.headers.get('content-language')).toBe('en');
    expect(frMail.headers.get('from')).toMatch(/^"?Communes\+"? <no-reply@communes\.test>$/);
    expect(frMail.headers.get('list-unsubscribe')).toMatch(new RegExp(`^<${PUBLIC_URL}/api/v1/unsubscribe/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}>$`));
    expect(frMail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(frMail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(frMail.raw).toContain('text/plain');
    expect(frMail.raw).toContain('<html lang=3D"fr">');
    expect(enMail.raw).toContain('<html lang=3D"en">');
    expect(await outboxOf(fr.user.email)).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);

    // Sent once: draining again sends nothing more.
    await sender.drain();
    expect(smtp.to(fr.user.email)).toHaveLength(1);
  });

  it("the author of feedback gets the commune's answer by email; the link stops every email", async () => {
    const author = await citizen();
    const sent = await ctx.request<{ id: string; trackingNumber: string }>({
      method: 'POST',
      url: '/api/v1/communes/cotonou/feedback',
      token: author.token,
      body: { kind: 'doleance', category: 'assainissement', text: 'Le caniveau de la rue 12 est bouché depuis trois semaines.', visibility: 'private' },
    });
    expect(sent.status).toBe(201);
    const answered = await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/feedback/${sent.body.id}/answer`, token: editorToken, body: { answer: 'Une équipe passe jeudi.' } });
    expect(answered.status).toBe(200);
    await sender.drain();
    const [mail] = smtp.to(author.user.email);
    expect(subjectOf(mail)).toBe(`Réponse à votre message ${sent.body.trackingNumber}`);
    expect(mail.raw).toContain('jeudi');
    expect(mail.headers.get('list-unsubscribe')).toMatch(/\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]{22}\.all\.[A-Za-z0-9_-]{22}>$/);
  });

  it('a consultation opening reaches the followers of its commune', async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const draft = await ctx.request<{ id: string }>({
      method: 'POST',
      url: '/api/v1/communes/cotonou/consultations',
      token: editorToken,
      body: { title: 'Budget participatif 2026', description: 'Vos priorités pour le budget participatif.', questions: [{ text: 'Quel projet ?', options: [{ label: 'Marché' }, { label: 'Éclairage' }] }], opensAt: at(-5), closesAt: at(60 * 24) },
    });
    expect(draft.status).toBe(201);
    expect(await outboxOf(follower.user.email)).toEqual([]);
    expect((await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/consultations/${draft.body.id}/publish`, token: editorToken })).status).toBe(200);
    await sender.drain();
    const [mail] = smtp.to(follower.user.email);
    expect(subjectOf(mail)).toBe('Cotonou vous consulte : Budget participatif 2026');
    expect(mail.raw.replace(/=\r\n/g, '')).toContain(`${PUBLIC_URL}/communes/cotonou/consultations/${draft.body.id}`);
  });

  it('a council session going live reaches the followers of its commune, once', async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    const base = '/api/v1/communes/cotonou/council-sessions';
    const session = await ctx.request<{ id: string }>({
      method: 'POST',
      url: base,
      token: editorToken,
      body: { sessionType: 'ordinary', title: 'Session ordinaire de novembre', startsAt: new Date(Date.now() + 3_600_000).toISOString(), place: 'Hôtel de ville', publish: true },
    });
    expect(session.status).toBe(201);
    expect((await ctx.request({ method: 'POST', url: `${base}/${session.body.id}/status`, token: editorToken, body: { status: 'live' } })).status).toBe(200);
    expect((await ctx.request({ method: 'POST', url: `${base}/${session.body.id}/status`, token: editorToken, body: { status: 'ended' } })).status).toBe(200);
    await sender.drain();
    const mails = smtp.to(follower.user.email);
    expect(mails.map(subjectOf)).toEqual(['En direct : Session ordinaire de novembre (Cotonou)']);
    expect(mails[0].raw.replace(/=\r\n/g, '')).toContain(`${PUBLIC_URL}/communes/cotonou/sessions/${session.body.id}`);
  });

  it("the feedback answer's link opens the public tracking page", async () => {
    const author = await citizen();
    const sent = await ctx.request<{ id: string; trackingNumber: string }>({
      method: 'POST',
      url: '/api/v1/communes/cotonou/feedback',
      token: author.token,
      body: { kind: 'suggestion', category: 'voirie', text: 'Un ralentisseur devant l’école de Zogbo serait utile.', visibility: 'public' },
    });
    await ctx.request({ method: 'POST', url: `/api/v1/communes/cotonou/feedback/${sent.body.id}/answer`, token: editorToken, body: { answer: 'Prévu au budget 2027.' } });
    await sender.drain();
    const [mail] = smtp.to(author.user.email);
    expect(mail.raw.replace(/=\r\n/g, '')).toContain(`${PUBLIC_URL}/suivi/${sent.body.trackingNumber}`);
  });

  it('SMTP down: the email waits (1 min, then 5…) and is delivered once the server is back; nothing is lost', async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    const port = smtp.port;
    await smtp.stop();
    try {
      await publishDocument();
      await onlyDue(follower.user.email);
      const down = await sender.drain();
      expect(down).toMatchObject({ retried: 1, sent: 0, unreachable: true });
      let [row] = await outboxOf(follower.user.email);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toBeTruthy();
      expect(Math.abs(row.delaySeconds - RETRY_DELAYS_SECONDS[0])).toBeLessThanOrEqual(5);
      // Not due yet: nothing is attempted.
      await sender.drain();
      [row] = await outboxOf(follower.user.email);
      expect(row.attempts).toBe(1);
      // A second failure waits longer.
      await onlyDue(follower.user.email);
      await sender.drain();
      [row] = await outboxOf(follower.user.email);
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      expect(Math.abs(row.delaySeconds - RETRY_DELAYS_SECONDS[1])).toBeLessThanOrEqual(5);
    } finally {
      await smtp.start(port);
    }
    await onlyDue(follower.user.email);
    await sender.drain();
    expect(smtp.to(follower.user.email)).toHaveLength(1);
    expect(await outboxOf(follower.user.email)).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
  });

  it('after the last attempt the email is failed and ANCB sees it (recipient masked); nobody else does', async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    const port = smtp.port;
    await smtp.stop();
    try {
      await publishDocument();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        await onlyDue(follower.user.email);
        await sender.drain();
        const [row] = await outboxOf(follower.user.email);
        expect(row).toMatchObject({ attempts: attempt, status: attempt === MAX_ATTEMPTS ? 'failed' : 'pending' });
        if (attempt < MAX_ATTEMPTS) expect(Math.abs(row.delaySeconds - RETRY_DELAYS_SECONDS[attempt - 1])).toBeLessThanOrEqual(5);
      }
    } finally {
      await smtp.start(port);
    }
    // Failed stays failed: the server being back does not resend it.
    await ctx.sql.query(`update notification_outbox set next_attempt_at = now() where recipient_email = $1`, [follower.user.email]);
    await sender.drain();
    expect(smtp.to(follower.user.email)).toEqual([]);

    const ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
    const failed = await ctx.request<{ recipientEmail: string; attempts: number; template: string; lastError: string; communeSlug: string }[]>({ method: 'GET', url: '/api/v1/admin/notifications/failed', token: ancb });
    expect(failed.status).toBe(200);
    const masked = `${follower.user.email.slice(0, 2)}***@test.communes.bj`;
    expect(failed.body).toContainEqual(expect.objectContaining({ recipientEmail: masked, attempts: MAX_ATTEMPTS, template: 'document.published', communeSlug: 'cotonou', lastError: expect.any(String) }));
    expect(JSON.stringify(failed.body)).not.toContain(follower.user.email);
    for (const token of [follower.token, editorToken]) {
      const refused = await ctx.request({ method: 'GET', url: '/api/v1/admin/notifications/failed', token });
      expect(refused.status).toBe(403);
    }
  });

  it('the unsubscribe link works without login (GET changes nothing, one-click POST unfollows) and is refused when tampered', async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    await ctx.request({ method: 'POST', url: '/api/v1/communes/abomey-calavi/follow', token: follower.token });
    await publishDocument();
    await sender.drain();
    const [mail] = smtp.to(follower.user.email);
    const url = (mail.headers.get('list-unsubscribe') ?? '').replace(/^<|>$/g, '').replace(PUBLIC_URL, '');
    expect(url).toMatch(/^\/api\/v1\/unsubscribe\//);
    const [user, commune, signature] = url.split('/').pop()!.split('.');
    // The "stop everything" link is in the body too.
    const allToken = mail.raw.replace(/=\r\n/g, '').match(new RegExp(`/api/v1/unsubscribe/(${user}\\.all\\.[A-Za-z0-9_-]{22})`))![1];

    const before = await ctx.fingerprint();
    const described = await ctx.request({ method: 'GET', url });
    expect(described.status).toBe(200);
    expect(described.body).toEqual({ scope: 'commune', communeSlug: 'cotonou', communeName: 'Cotonou', language: 'fr' });
    const page = await ctx.request({ method: 'GET', url, headers: { accept: 'text/html' } });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain(`<form method="post" action="${url}">`);
    expect(await ctx.fingerprint()).toEqual(before);

    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const tampered of [`${user}.${commune}.${flipped}`, `${user}.all.${signature}`, `${commune}.${commune}.${signature}`]) {
      const refused = await ctx.request<Problem>({ method: 'POST', url: `/api/v1/unsubscribe/${tampered}` });
      expect({ status: refused.status, type: refused.headers['content-type'], code: refused.body.code }).toEqual({ status: 403, type: expect.stringContaining('application/problem+json'), code: 'unsubscribe.invalid-link' });
    }
    const malformed = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/unsubscribe/not-a-token' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(await ctx.fingerprint()).toEqual(before);

    // Queued before the click, sent after it: cancelled, not sent.
    await publishDocument();
    expect(await outboxOf(follower.user.email)).toHaveLength(2);

    // What a mail client sends for the one-click button (RFC 8058).
    const oneClick = await ctx.request({ method: 'POST', url, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toEqual({ scope: 'commune', communeSlug: 'cotonou', communeName: 'Cotonou', language: 'fr' });
    const again = await ctx.request({ method: 'POST', url, headers: { accept: 'text/html' } });
    expect(again.status).toBe(200);
    expect(again.text).toContain('role="status"');
    const follows = await ctx.request<{ communeSlug: string }[]>({ method: 'GET', url: '/api/v1/me/follows', token: follower.token });
    expect(follows.body.map((f) => f.communeSlug)).toEqual(['abomey-calavi']);
    const drained = await sender.drain();
    expect(drained.cancelled).toBeGreaterThanOrEqual(1);
    expect((await outboxOf(follower.user.email)).map((row) => row.status)).toEqual(['sent', 'cancelled']);
    expect(smtp.to(follower.user.email)).toHaveLength(1);
    await publishDocument();
    expect(await outboxOf(follower.user.email)).toHaveLength(2);

    // "Stop everything": every follow goes and emails are off, personal ones included.
    const all = await ctx.request({ method: 'POST', url: `/api/v1/unsubscribe/${allToken}` });
    expect(all.body).toMatchObject({ scope: 'all' });
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me/follows', token: follower.token })).body).toEqual([]);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me/notification-preferences', token: follower.token })).body).toEqual({ language: 'fr', emailsEnabled: false });
  });

  it("staff never see who follows their commune: the database shows them no follow, and the event's count only", async () => {
    const follower = await citizen();
    await ctx.request({ method: 'POST', url: '/api/v1/communes/cotonou/follow', token: follower.token });
    const app = new Client({ connectionString: ctx.db.appUrl });
    await app.connect();
    try {
      const communeId = await ctx.communeId('cotonou');
      for (const scope of ['staff', 'platform', 'observer', 'public', 'monitoring']) {
        await app.query('begin');
        await app.query(`select set_config('app.commune_id', $1, true), set_config('app.user_id', $2, true), set_config('app.scope', $3, true)`, [communeId, editor.id, scope]);
        const follows = await app.query(`select count(*)::int as n from commune_follows`);
        const preferences = await app.query(`select count(*)::int as n from notification_preferences`);
        expect({ scope, follows: follows.rows[0].n, preferences: preferences.rows[0].n }).toEqual({ scope, follows: 0, preferences: 0 });
        await app.query('rollback');
      }
      // The event's function queues emails for the followers and says how many, nothing more; the scope is restored.
      await app.query('begin');
      await app.query(`select set_config('app.commune_id', $1, true), set_config('app.user_id', $2, true), set_config('app.scope', 'staff', true)`, [communeId, editor.id]);
      const queued = await app.query(`select notification_enqueue('document.published', '{"title":"x","documentId":"y"}'::jsonb) as n`);
      expect(queued.rows[0].n).toBeGreaterThanOrEqual(1);
      expect((await app.query(`select current_setting('app.scope') as scope`)).rows[0].scope).toBe('staff');
      expect((await app.query(`select count(*)::int as n from notification_outbox`)).rows[0].n).toBe(0);
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });

  it('validation: bad input gets a 400 problem+json naming the field; an unknown commune a 404', async () => {
    const { token } = await citizen();
    const cases = [
      { method: 'PATCH' as const, url: '/api/v1/me/notification-preferences', body: { language: 'de' }, field: 'language' },
      { method: 'PATCH' as const, url: '/api/v1/me/notification-preferences', body: { emailsEnabled: 'yes' }, field: 'emailsEnabled' },
      { method: 'PATCH' as const, url: '/api/v1/me/notification-preferences', body: { language: 'en', admin: true }, field: 'admin' },
      { method: 'POST' as const, url: '/api/v1/communes/Not_A_Slug/follow', body: undefined, field: 'slug' },
    ];
    for (const call of cases) {
      const response = await ctx.request<Problem>({ ...call, token });
      expect({ url: call.url, status: response.status, type: response.headers['content-type'] }).toEqual({ url: call.url, status: 400, type: expect.stringContaining('application/problem+json') });
      expect(response.body.errors?.map((e) => e.field)).toContain(call.field);
    }
    const ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
    const limit = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/admin/notifications/failed?limit=abc', token: ancb });
    expect(limit.status).toBe(400);
    const unknown = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/communes/atlantide/follow', token });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'commune.not-found' });
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me/notification-preferences', token })).body).toEqual({ language: 'fr', emailsEnabled: true });
  });
});
