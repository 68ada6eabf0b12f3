import { NotificationSender } from '@communes/api-notifications';
import { SearchIndexer } from '@communes/api-search';
import { TestContext, TestUser } from '@communes/api-testing';
import { TestSmtpServer, textOf } from './support/test-smtp-server';

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; messages: string[] }[];
}
interface Feedback {
  id: string;
  trackingNumber: string;
  text: string;
  answer: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  isMine: boolean;
}
interface Page<T> {
  items: T[];
  total: number;
}
interface Item {
  kind: string;
  contentId: string;
  exists: boolean;
  excerpt: string | null;
  authorName: string | null;
  link: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  reportCount: number;
  openReportCount: number;
  reasons: string[];
  details: string[];
}
interface Comment {
  id: string;
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
}

const base = '/api/v1/communes/cotonou';

describe('moderation: reports, queue, hide / restore / dismiss, for every kind of citizen content', () => {
  const smtp = new TestSmtpServer();
  let ctx: TestContext;
  let author: TestUser;
  let authorToken: string;
  let reporterToken: string;
  let otherReporterToken: string;
  let moderator: string;
  let editor: string;
  let adminB: string;

  beforeAll(async () => {
    await smtp.start();
    ctx = await TestContext.create({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://communes.test' });
    author = await ctx.newUser();
    authorToken = await ctx.tokenFor(author);
    reporterToken = await ctx.tokenFor(await ctx.newUser());
    otherReporterToken = await ctx.tokenFor(await ctx.newUser());
    moderator = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'moderator' }] }));
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    adminB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'admin' }] }));
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.stop();
  });

  const search = async (q: string) => {
    await ctx.app.get(SearchIndexer).drain();
    return (await ctx.request<{ total: number }>({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&kind=feedback` })).body.total;
  };
  const publicList = async () => (await ctx.request<Page<Feedback>>({ method: 'GET', url: `${base}/feedback?pageSize=100` })).body.items.map((f) => f.id);
  /** Every "visible again" email received so far. */
  const restoreMails = () => smtp.received.filter((mail) => mail.raw.includes('Subject: Votre contenu est de nouveau visible'));
  const queue = async (query: string) => (await ctx.request<Page<Item>>({ method: 'GET', url: `${base}/moderation/queue?${query}`, token: moderator })).body;

  it('feedback: reported, hidden everywhere (list, search, support) but shown hidden on its link, the author told why; restored; all audited', async () => {
    const sent = await ctx.request<Feedback>({ method: 'POST', url: `${base}/feedback`, token: authorToken, body: { kind: 'doleance', category: 'marches', text: 'Les commerçants du marché Zongo sont des voleurs et des escrocs.', visibility: 'public' } });
    expect(sent.status).toBe(201);
    const id = sent.body.id;
    await ctx.request({ method: 'POST', url: `${base}/feedback/${id}/answer`, token: editor, body: { answer: 'La commune rencontrera les commerçants du marché Zongo.' } });
    expect(await search('Zongo')).toBe(1);

    // Reports: anyone, once per account (a repeat is a 200 with alreadyReported), never one's own.
    const first = await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'feedback', contentId: id, reason: 'abuse', details: 'Insulte les commerçants.' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ contentKind: 'feedback', contentId: id, reason: 'abuse', alreadyReported: false });
    const again = await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'feedback', contentId: id, reason: 'spam' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyReported: true });
    expect((await ctx.request({ method: 'POST', url: `${base}/reports`, body: { contentKind: 'feedback', contentId: id, reason: 'off_topic' } })).status).toBe(201);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/reports`, token: authorToken, body: { contentKind: 'feedback', contentId: id, reason: 'spam' } })).body).toMatchObject({ status: 409, code: 'moderation.own-content' });
    // Another commune's URL, or an unknown id: the same 404.
    expect((await ctx.request<Problem>({ method: 'POST', url: '/api/v1/communes/abomey-calavi/reports', token: otherReporterToken, body: { contentKind: 'feedback', contentId: id, reason: 'spam' } })).body).toMatchObject({ status: 404, code: 'moderation.content-not-found' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/reports`, token: otherReporterToken, body: { contentKind: 'feedback', contentId: '00000000-0000-4000-8000-000000000000', reason: 'spam' } })).body).toMatchObject({ status: 404, code: 'moderation.content-not-found' });

    // The queue: grouped, with the reasons and details, never who reported.
    const open = await queue('state=open&kind=feedback');
    expect(open.total).toBe(1);
    expect(open.items[0]).toMatchObject({ kind: 'feedback', contentId: id, exists: true, hidden: false, reportCount: 2, openReportCount: 2, details: ['Insulte les commerçants.'], link: `/suivi/${sent.body.trackingNumber}?commune=cotonou` });
    expect(open.items[0].reasons.sort()).toEqual(['abuse', 'off_topic']);
    expect(open.items[0].excerpt).toContain('marché Zongo');
    expect(open.items[0].authorName).toBe(`Test ${author.email}`);
    expect((await ctx.request({ method: 'GET', url: `${base}/moderation/queue`, token: editor })).status).toBe(403);
    expect((await ctx.request({ method: 'GET', url: `${base}/moderation/queue`, token: adminB })).status).toBe(403);

    // Hidden, with a reason.
    const hidden = await ctx.request<Item>({ method: 'POST', url: `${base}/moderation/feedback/${id}/hide`, token: moderator, body: { reason: 'Propos injurieux envers des commerçants' } });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Propos injurieux envers des commerçants', reportCount: 2, openReportCount: 0 });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/feedback/${id}/hide`, token: moderator, body: { reason: 'Encore' } })).body).toMatchObject({ status: 409, code: 'moderation.already-hidden' });
    expect((await queue('state=open')).total).toBe(0);
    expect((await queue('state=handled')).items.map((i) => i.contentId)).toEqual([id]);
    expect((await queue('state=hidden')).items.map((i) => i.contentId)).toEqual([id]);

    // Gone from the public list and from search; cannot be supported nor reported.
    expect(await publicList()).not.toContain(id);
    expect(await search('Zongo')).toBe(0);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/feedback/${id}/support`, token: otherReporterToken })).body).toMatchObject({ status: 409, code: 'feedback.hidden' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/reports`, token: otherReporterToken, body: { contentKind: 'feedback', contentId: id, reason: 'spam' } })).body).toMatchObject({ status: 409, code: 'moderation.already-hidden' });
    // Its direct link shows it hidden, without its text or answer; its author still reads it, with the reason.
    const seenByOthers = await ctx.request<Feedback>({ method: 'GET', url: `${base}/feedback/${id}` });
    expect(seenByOthers.body).toMatchObject({ hidden: true, text: '', answer: null, hiddenReason: null });
    const seenByAuthor = await ctx.request<Feedback>({ method: 'GET', url: `${base}/feedback/by-number/${sent.body.trackingNumber}`, token: authorToken });
    expect(seenByAuthor.body).toMatchObject({ hidden: true, hiddenReason: 'Propos injurieux envers des commerçants', isMine: true });
    expect(seenByAuthor.body.text).toContain('marché Zongo');
    expect((await ctx.request<Page<Feedback>>({ method: 'GET', url: `${base}/feedback?mine=true`, token: authorToken })).body.items.map((f) => f.id)).toContain(id);
    expect((await ctx.request<Page<Feedback>>({ method: 'GET', url: `${base}/feedback?pageSize=100`, token: editor })).body.items.map((f) => f.id)).toContain(id);

    // The author is emailed why.
    await ctx.app.get(NotificationSender).drain();
    // (The first email to the author is the answer; the second, about moderation.)
    const text = smtp.to(author.email).map((mail) => textOf(mail.raw)).find((body) => body.includes('a masqué votre message')) ?? '';
    expect(text).toContain('La modération de la commune de Cotonou a masqué votre message');
    expect(text).toContain('Raison : Propos injurieux envers des commerçants');
    expect(text).toContain(`https://communes.test/suivi/${sent.body.trackingNumber}?commune=cotonou`);

    // Restored: back in the list and in search.
    const restored = await ctx.request<Item>({ method: 'POST', url: `${base}/moderation/feedback/${id}/restore`, token: moderator, body: { reason: 'Erreur de modération' } });
    expect(restored.body).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/feedback/${id}/restore`, token: moderator, body: { reason: 'Encore' } })).body).toMatchObject({ status: 409, code: 'moderation.not-hidden' });
    // The author is told, once (the refused second restore sends nothing), and nobody else.
    await ctx.app.get(NotificationSender).drain();
    const restoredMails = restoreMails();
    expect(restoredMails.map((mail) => mail.to)).toEqual([[author.email]]);
    const restoredText = textOf(restoredMails[0].raw);
    expect(restoredMails[0].raw).toContain('Subject: Votre contenu est de nouveau visible');
    expect(restoredText).toContain('La modération de la commune de Cotonou a rétabli votre message : « Les commerçants du marché Zongo');
    expect(restoredText).toContain('Raison : Erreur de modération');
    expect(restoredText).toContain(`Voir votre contribution : https://communes.test/suivi/${sent.body.trackingNumber}?commune=cotonou`);
    expect(await publicList()).toContain(id);
    expect(await search('Zongo')).toBe(1);
    expect((await ctx.request<Feedback>({ method: 'GET', url: `${base}/feedback/${id}` })).body.text).toContain('marché Zongo');

    // Reported again, the reports dismissed: the content stays.
    await ctx.request({ method: 'POST', url: `${base}/reports`, token: otherReporterToken, body: { contentKind: 'feedback', contentId: id, reason: 'other', details: 'Je ne suis pas d’accord.' } });
    const dismissed = await ctx.request<Item>({ method: 'POST', url: `${base}/moderation/feedback/${id}/dismiss`, token: moderator, body: { reason: 'Critique légitime' } });
    expect(dismissed.body).toMatchObject({ hidden: false, openReportCount: 0, reportCount: 3 });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/feedback/${id}/dismiss`, token: moderator, body: { reason: 'Encore' } })).body).toMatchObject({ status: 409, code: 'moderation.no-open-report' });
    expect(await publicList()).toContain(id);

    const audit = await ctx.sql.query<{ action: string; actor_role: string; target_type: string }>(
      `select action, actor_role, target_type from audit_events where action like 'moderation.%' and target_id = $1 order by id`,
      [id],
    );
    expect(audit.rows.map((row) => [row.action, row.actor_role])).toEqual([
      ['moderation.reported', 'citizen'],
      ['moderation.reported', 'anonymous'],
      ['moderation.hidden', 'moderator'],
      ['moderation.restored', 'moderator'],
      ['moderation.reported', 'citizen'],
      ['moderation.dismissed', 'moderator'],
    ]);
    expect(new Set(audit.rows.map((row) => row.target_type))).toEqual(new Set(['feedback']));
  });

  it('debate comments: hidden from others (shown hidden, without text), restored; a comment hidden without reports is in the hidden view', async () => {
    const topic = await ctx.request<{ id: string }>({ method: 'POST', url: `${base}/debates`, token: editor, body: { title: 'Marché de Dantokpa', body: 'Comment réorganiser le marché ?', open: true } });
    const comments = `${base}/debates/${topic.body.id}/comments`;
    const comment = await ctx.request<Comment>({ method: 'POST', url: comments, token: authorToken, body: { body: 'Appelez le 97 00 00 00, c’est le numéro du chef.' } });
    expect((await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'debate_comment', contentId: comment.body.id, reason: 'personal_data' } })).status).toBe(201);
    expect((await queue('kind=debate_comment')).items.map((i) => i.contentId)).toEqual([comment.body.id]);

    await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${comment.body.id}/hide`, token: moderator, body: { reason: 'Numéro de téléphone personnel' } });
    const seen = (await ctx.request<Comment[]>({ method: 'GET', url: comments })).body.find((c) => c.id === comment.body.id);
    expect(seen).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    const own = (await ctx.request<Comment[]>({ method: 'GET', url: comments, token: authorToken })).body.find((c) => c.id === comment.body.id);
    expect(own).toMatchObject({ hidden: true, hiddenReason: 'Numéro de téléphone personnel' });
    expect((await ctx.request<{ commentCount: number }>({ method: 'GET', url: `${base}/debates/${topic.body.id}` })).body.commentCount).toBe(0);

    const before = restoreMails().length;
    await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${comment.body.id}/restore`, token: moderator, body: { reason: 'Numéro public de la mairie' } });
    expect((await ctx.request<Comment[]>({ method: 'GET', url: comments })).body.find((c) => c.id === comment.body.id)).toMatchObject({ hidden: false, body: 'Appelez le 97 00 00 00, c’est le numéro du chef.' });
    await ctx.app.get(NotificationSender).drain();
    const mails = restoreMails().slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([[author.email]]);
    expect(textOf(mails[0].raw)).toContain('a rétabli votre commentaire : « Appelez le 97 00 00 00');
    expect(textOf(mails[0].raw)).toContain('Raison : Numéro public de la mairie');
    expect(textOf(mails[0].raw)).toContain(`https://communes.test/communes/cotonou/debats/${topic.body.id}`);

    // Hidden through the debate's own endpoint, never reported: still in the hidden view.
    const other = await ctx.request<Comment>({ method: 'POST', url: comments, token: authorToken, body: { body: 'Un autre avis sans rapport.' } });
    expect((await ctx.request({ method: 'POST', url: `${comments}/${other.body.id}/hide`, token: moderator, body: { reason: 'Hors sujet' } })).status).toBe(200);
    const hiddenView = await queue('state=hidden&kind=debate_comment');
    expect(hiddenView.items.map((i) => [i.contentId, i.reportCount, i.hiddenReason])).toEqual([[other.body.id, 0, 'Hors sujet']]);
  });

  it('session questions: hidden from the session for others, kept for the author, restored', async () => {
    const session = await ctx.sql.query<{ id: string }>(
      `insert into council_sessions (commune_id, kind, session_type, title, starts_at, status, published_at)
       select id, 'council', 'ordinary', 'Session ordinaire', now() + interval '2 days', 'scheduled', now() from communes where slug = 'cotonou' returning id`,
    );
    const sessionUrl = `${base}/council-sessions/${session.rows[0].id}`;
    const question = await ctx.request<{ id: string }>({ method: 'POST', url: `${sessionUrl}/questions`, token: authorToken, body: { text: 'Pourquoi le maire est-il un incapable notoire ?' } });
    expect(question.status).toBe(201);
    expect((await ctx.request({ method: 'POST', url: `${base}/reports`, body: { contentKind: 'session_question', contentId: question.body.id, reason: 'abuse' } })).status).toBe(201);

    const questionIds = async (token?: string) => (await ctx.request<{ questions: { id: string }[] }>({ method: 'GET', url: sessionUrl, token })).body.questions.map((q) => q.id);
    expect(await questionIds()).toContain(question.body.id);
    await ctx.request({ method: 'POST', url: `${base}/moderation/session_question/${question.body.id}/hide`, token: moderator, body: { reason: 'Propos injurieux envers le maire' } });
    expect(await questionIds()).not.toContain(question.body.id);
    expect(await questionIds(authorToken)).toContain(question.body.id);
    const events = await ctx.sql.query<{ type: string }>(`select type from council_session_events where session_id = $1 order by id`, [session.rows[0].id]);
    expect(events.rows.map((e) => e.type)).toEqual(['question', 'hidden']);

    const before = restoreMails().length;
    await ctx.request({ method: 'POST', url: `${base}/moderation/session_question/${question.body.id}/restore`, token: moderator, body: { reason: 'Critique vive mais permise' } });
    expect(await questionIds()).toContain(question.body.id);
    await ctx.app.get(NotificationSender).drain();
    const mails = restoreMails().slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([[author.email]]);
    expect(textOf(mails[0].raw)).toContain('a rétabli votre question : « Pourquoi le maire');
    expect(textOf(mails[0].raw)).toContain(`https://communes.test/communes/cotonou/sessions/${session.rows[0].id}`);
  });

  it("hidden through a feature's own endpoint (debate, session): the reports are closed and the author emailed too", async () => {
    const topic = await ctx.request<{ id: string }>({ method: 'POST', url: `${base}/debates`, token: editor, body: { title: 'Voirie de Gbégamey', body: 'Quelles rues paver en premier ?', open: true } });
    const comments = `${base}/debates/${topic.body.id}/comments`;
    const comment = await ctx.request<Comment>({ method: 'POST', url: comments, token: authorToken, body: { body: 'Les riverains de Gbégamey sont des incapables.' } });
    await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'debate_comment', contentId: comment.body.id, reason: 'abuse' } });
    expect((await ctx.request({ method: 'POST', url: `${comments}/${comment.body.id}/hide`, token: moderator, body: { reason: 'Propos méprisants envers des habitants' } })).status).toBe(200);

    const session = await ctx.sql.query<{ id: string }>(
      `insert into council_sessions (commune_id, kind, session_type, title, starts_at, status, published_at)
       select id, 'council', 'ordinary', 'Session budgétaire', now() + interval '3 days', 'scheduled', now() from communes where slug = 'cotonou' returning id`,
    );
    const sessionUrl = `${base}/council-sessions/${session.rows[0].id}`;
    const question = await ctx.request<{ id: string }>({ method: 'POST', url: `${sessionUrl}/questions`, token: authorToken, body: { text: 'Voici le numéro privé du maire : 97 11 22 33.' } });
    await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'session_question', contentId: question.body.id, reason: 'personal_data' } });
    expect((await ctx.request({ method: 'POST', url: `${sessionUrl}/questions/${question.body.id}/hide`, token: moderator, body: { reason: 'Numéro de téléphone personnel' } })).status).toBe(200);

    const handled = await queue('state=handled');
    for (const id of [comment.body.id, question.body.id]) {
      expect(handled.items.find((item) => item.contentId === id)).toMatchObject({ hidden: true, openReportCount: 0, reportCount: 1 });
    }
    await ctx.app.get(NotificationSender).drain();
    const texts = smtp.to(author.email).map((mail) => textOf(mail.raw));
    expect(texts.filter((text) => text.includes('a masqué votre commentaire') && text.includes('Raison : Propos méprisants envers des habitants'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('a masqué votre question') && text.includes('Raison : Numéro de téléphone personnel'))).toHaveLength(1);

    // Restored through the debate's own endpoint: the author told, once, as through the queue.
    const before = restoreMails().length;
    expect((await ctx.request({ method: 'POST', url: `${comments}/${comment.body.id}/restore`, token: moderator, body: { reason: 'Critique dure mais sans insulte nominative' } })).status).toBe(200);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${comments}/${comment.body.id}/restore`, token: moderator, body: { reason: 'Encore' } })).body).toMatchObject({ status: 409 });
    await ctx.app.get(NotificationSender).drain();
    const mails = restoreMails().slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([[author.email]]);
    expect(textOf(mails[0].raw)).toContain('a rétabli votre commentaire : « Les riverains de Gbégamey');
    expect(textOf(mails[0].raw)).toContain('Raison : Critique dure mais sans insulte nominative');
    expect(textOf(mails[0].raw)).toContain(`https://communes.test/communes/cotonou/debats/${topic.body.id}`);
  });

  it('restoring: nothing for content that was never hidden, nor for an author without an email address; an English reader gets it in English', async () => {
    const topic = await ctx.request<{ id: string }>({ method: 'POST', url: `${base}/debates`, token: editor, body: { title: 'Éclairage public', body: 'Quels quartiers éclairer ?', open: true } });
    const comments = `${base}/debates/${topic.body.id}/comments`;
    const before = restoreMails().length;
    const queued = async () => (await ctx.sql.query<{ count: number }>(`select count(*)::int as count from notification_outbox where template = 'moderation.restored'`)).rows[0].count;
    const queuedBefore = await queued();

    // Never hidden: both restores refused, nothing queued.
    const visible = await ctx.request<Comment>({ method: 'POST', url: comments, token: authorToken, body: { body: 'Le quartier Akpakpa d’abord.' } });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/debate_comment/${visible.body.id}/restore`, token: moderator, body: { reason: 'Sans objet' } })).body).toMatchObject({ status: 409, code: 'moderation.not-hidden' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${comments}/${visible.body.id}/restore`, token: moderator, body: { reason: 'Sans objet' } })).body).toMatchObject({ status: 409 });

    // An account with a phone number only: hidden and restored, no email either way.
    const phoneOnly = await ctx.newUser();
    await ctx.sql.query(`update users set email = null, phone = '+22997000042' where id = $1`, [phoneOnly.id]);
    const byPhone = await ctx.request<Comment>({ method: 'POST', url: comments, token: await ctx.tokenFor(phoneOnly), body: { body: 'Fidjrossè aussi, svp.' } });
    expect(byPhone.status).toBe(201);
    await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${byPhone.body.id}/hide`, token: moderator, body: { reason: 'Vérification en cours' } });
    expect((await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${byPhone.body.id}/restore`, token: moderator, body: { reason: 'Vérifié' } })).status).toBe(200);
    expect(await queued()).toBe(queuedBefore);

    // An English reader: the same email, in English.
    const english = await ctx.newUser();
    await ctx.sql.query(`insert into notification_preferences (user_id, language) values ($1, 'en')`, [english.id]);
    const byEnglish = await ctx.request<Comment>({ method: 'POST', url: comments, token: await ctx.tokenFor(english), body: { body: 'Light <the> market "first" & please.' } });
    await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${byEnglish.body.id}/hide`, token: moderator, body: { reason: 'Vérification en cours' } });
    await ctx.request({ method: 'POST', url: `${base}/moderation/debate_comment/${byEnglish.body.id}/restore`, token: moderator, body: { reason: 'Checked <b>ok</b>' } });
    await ctx.app.get(NotificationSender).drain();
    expect(restoreMails().length).toBe(before);
    const mails = smtp.to(english.email).filter((mail) => mail.raw.includes('Subject: Your content is visible again'));
    expect(mails).toHaveLength(1);
    const text = textOf(mails[0].raw);
    expect(text).toContain('The moderation of the commune of Cotonou restored your comment: “Light <the> market "first" & please.”');
    expect(text).toContain('Reason: Checked <b>ok</b>');
    // The HTML part escapes what the author and the moderator wrote.
    expect(text).toContain('Light &lt;the&gt; market &quot;first&quot; &amp; please.');
    expect(text).toContain('Reason: Checked &lt;b&gt;ok&lt;/b&gt;');
  });

  it('a content deleted since it was reported: listed as gone, its reports can still be dismissed', async () => {
    const sent = await ctx.request<Feedback>({ method: 'POST', url: `${base}/feedback`, token: authorToken, body: { kind: 'suggestion', category: 'eclairage', text: 'Des lampadaires solaires rue des Cocotiers, svp.', visibility: 'public' } });
    await ctx.request({ method: 'POST', url: `${base}/reports`, token: reporterToken, body: { contentKind: 'feedback', contentId: sent.body.id, reason: 'spam' } });
    await ctx.sql.query(`delete from feedback where id = $1`, [sent.body.id]);
    const gone = (await queue('state=open&kind=feedback')).items.find((item) => item.contentId === sent.body.id);
    expect(gone).toMatchObject({ exists: false, excerpt: null, openReportCount: 1 });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/feedback/${sent.body.id}/hide`, token: moderator, body: { reason: 'Propos injurieux' } })).body).toMatchObject({ status: 404 });
    const dismissed = await ctx.request<Item>({ method: 'POST', url: `${base}/moderation/feedback/${sent.body.id}/dismiss`, token: moderator, body: { reason: 'Contenu supprimé' } });
    expect(dismissed.body).toMatchObject({ exists: false, openReportCount: 0, reportCount: 1 });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/moderation/feedback/${sent.body.id}/dismiss`, token: moderator, body: { reason: 'Encore' } })).body).toMatchObject({ status: 404 });
  });

  it('bad input: clear 4xx problem+json, nothing stored', async () => {
    const before = await ctx.sql.query<{ count: number }>(`select count(*)::int as count from moderation_reports`);
    const cases: [string, string, unknown, number][] = [
      ['POST', `${base}/reports`, { contentKind: 'photo', contentId: '00000000-0000-4000-8000-000000000000', reason: 'spam' }, 400],
      ['POST', `${base}/reports`, { contentKind: 'feedback', contentId: 'not-a-uuid', reason: 'spam' }, 400],
      ['POST', `${base}/reports`, { contentKind: 'feedback', contentId: '00000000-0000-4000-8000-000000000000', reason: 'dislike' }, 400],
      ['POST', `${base}/reports`, { contentKind: 'feedback', contentId: '00000000-0000-4000-8000-000000000000', reason: 'other', details: 'x'.repeat(501) }, 400],
      ['POST', `${base}/reports`, { contentKind: 'feedback', contentId: '00000000-0000-4000-8000-000000000000', reason: 'other', extra: 1 }, 400],
      ['POST', '/api/v1/communes/nowhere/reports', { contentKind: 'feedback', contentId: '00000000-0000-4000-8000-000000000000', reason: 'other' }, 404],
      ['GET', `${base}/moderation/queue?state=everything`, undefined, 400],
      ['GET', `${base}/moderation/queue?pageSize=1000`, undefined, 400],
      ['POST', `${base}/moderation/photo/00000000-0000-4000-8000-000000000000/hide`, { reason: 'Propos injurieux' }, 400],
      ['POST', `${base}/moderation/feedback/00000000-0000-4000-8000-000000000000/hide`, { reason: 'x' }, 400],
      ['POST', `${base}/moderation/feedback/00000000-0000-4000-8000-000000000000/hide`, {}, 400],
      ['POST', `${base}/moderation/feedback/00000000-0000-4000-8000-000000000000/hide`, { reason: 'Propos injurieux' }, 404],
    ];
    for (const [method, url, body, status] of cases) {
      const response = await ctx.request<Problem>({ method: method as 'GET' | 'POST', url, body, token: url.includes('/moderation/') ? moderator : reporterToken });
      expect({ url, body, status: response.status }).toEqual({ url, body, status });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await ctx.sql.query<{ count: number }>(`select count(*)::int as count from moderation_reports`)).rows[0].count).toBe(before.rows[0].count);
  });
});
