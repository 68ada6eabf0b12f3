import { NotificationSender } from '@communes/api-notifications';
import { TestContext, TestUser } from '@communes/api-testing';
import { TestSmtpServer, textOf } from './support/test-smtp-server';

interface Practice {
  id: string;
  status: string;
}

const base = '/api/v1/communes/cotonou/good-practices';
const COMPLETE = {
  summary: 'Les habitants de chaque arrondissement choisissent une partie des investissements de la commune.',
  body: 'Chaque année, la mairie réserve une enveloppe aux projets proposés par les habitants.\n\nDes assemblées se tiennent dans chaque arrondissement, puis un vote public désigne les projets retenus.',
  results: 'Trente projets financés en deux ans ; participation aux assemblées en hausse de 40 %.',
  contactRole: 'Service de la planification et du développement local',
};

describe('good practices: ANCB’s reviewers are emailed when a commune submits', () => {
  const smtp = new TestSmtpServer();
  let ctx: TestContext;
  let editor: TestUser;
  let editorToken: string;
  let communeAdmin: TestUser;
  let ancbFr: TestUser;
  let ancbEn: TestUser;
  let ancbToken: string;
  let observer: TestUser;
  /** Every platform admin with an email address (the seed may hold some too). */
  let reviewers: string[];

  beforeAll(async () => {
    await smtp.start();
    ctx = await TestContext.create({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://communes.test' });
    editor = await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] });
    editorToken = await ctx.tokenFor(editor);
    communeAdmin = await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'admin' }] });
    ancbFr = await ctx.newUser({ platformRole: 'platform_admin' });
    ancbEn = await ctx.newUser({ platformRole: 'platform_admin' });
    await ctx.sql.query(`insert into notification_preferences (user_id, language) values ($1, 'en')`, [ancbEn.id]);
    ancbToken = await ctx.tokenFor(ancbFr);
    // A platform admin without an email address gets nothing (and breaks nothing).
    const phoneOnly = await ctx.newUser({ platformRole: 'platform_admin' });
    await ctx.sql.query(`update users set email = null, phone = '+22997000077' where id = $1`, [phoneOnly.id]);
    observer = await ctx.newUser({ platformRole: 'ministry_observer' });
    reviewers = (await ctx.sql.query<{ email: string }>(`select email from users where platform_role = 'platform_admin' and email is not null order by email`)).rows.map((row) => row.email);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.stop();
  });

  const submittedMails = () => smtp.received.filter((mail) => textOf(mail.raw).includes('/ancb/bonnes-pratiques/'));

  it('a draft saved: nothing; submitted: one email per platform admin, in their language; resubmitted after changes requested: again; never to the commune staff or the ministry', async () => {
    const title = 'Budget <participatif> & "quartiers"';
    const created = await ctx.request<Practice>({ method: 'POST', url: base, token: editorToken, body: { title, theme: 'participation_citoyenne' } });
    expect(created.status).toBe(201);
    const url = `${base}/${created.body.id}`;
    const link = `https://communes.test/ancb/bonnes-pratiques/cotonou/${created.body.id}`;
    expect((await ctx.request({ method: 'PUT', url, token: editorToken, body: { title, theme: 'participation_citoyenne', ...COMPLETE } })).status).toBe(200);
    await ctx.app.get(NotificationSender).drain();
    expect(smtp.received).toEqual([]);

    expect((await ctx.request<Practice>({ method: 'POST', url: `${url}/submit`, token: editorToken, body: {} })).body.status).toBe('submitted');
    await ctx.app.get(NotificationSender).drain();
    const first = submittedMails();
    expect(first.map((mail) => mail.to.join()).sort()).toEqual(reviewers);
    for (const someone of [editor, communeAdmin, observer]) expect(first.flatMap((mail) => mail.to)).not.toContain(someone.email);

    const french = textOf(first.find((mail) => mail.to.includes(ancbFr.email))?.raw ?? '');
    expect(french).toContain(`La commune de Cotonou soumet la bonne pratique « ${title} » à l'ANCB.`);
    expect(french).toContain(`Examiner la bonne pratique : ${link}`);
    // The HTML part escapes the commune's title.
    expect(french).toContain('Bonne pratique à examiner : « Budget &lt;participatif&gt; &amp; &quot;quartiers&quot; » (Cotonou)');
    const english = textOf(first.find((mail) => mail.to.includes(ancbEn.email))?.raw ?? '');
    expect(english).toContain(`The commune of Cotonou submitted the good practice “${title}” to ANCB.`);
    expect(english).toContain(`Review the good practice: ${link}`);

    // Changes requested (the editor is told, not ANCB), then resubmitted with a message.
    await ctx.request({ method: 'POST', url: `${url}/request-changes`, token: ancbToken, body: { comment: 'Précisez le montant de l’enveloppe annuelle.' } });
    expect((await ctx.request({ method: 'PUT', url, token: editorToken, body: { title, theme: 'participation_citoyenne', results: `${COMPLETE.results} Enveloppe : 150 millions FCFA par an.` } })).status).toBe(200);
    await ctx.app.get(NotificationSender).drain();
    expect(submittedMails()).toHaveLength(reviewers.length);
    expect(smtp.received.filter((mail) => !mail.to.includes(editor.email))).toHaveLength(reviewers.length);

    await ctx.request({ method: 'POST', url: `${url}/submit`, token: editorToken, body: { comment: 'Montant <ajouté> dans les résultats.' } });
    await ctx.app.get(NotificationSender).drain();
    const second = submittedMails().slice(reviewers.length);
    expect(second.map((mail) => mail.to.join()).sort()).toEqual(reviewers);
    const again = textOf(second.find((mail) => mail.to.includes(ancbFr.email))?.raw ?? '');
    expect(again).toContain(`La commune de Cotonou soumet de nouveau la bonne pratique « ${title} » à l'ANCB, après l'avoir modifiée.`);
    expect(again).toContain('Message de la commune : Montant <ajouté> dans les résultats.');
    expect(again).toContain('Message de la commune : Montant &lt;ajouté&gt; dans les résultats.');
    expect(again).toContain(link);
    expect(textOf(second.find((mail) => mail.to.includes(ancbEn.email))?.raw ?? '')).toContain('Good practice to review again');

    const queued = await ctx.sql.query<{ recipient_email: string }>(`select recipient_email from notification_outbox where template = 'good_practice.submitted'`);
    expect(queued.rows).toHaveLength(2 * reviewers.length);
  });
});
