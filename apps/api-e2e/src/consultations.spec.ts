import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Consultation {
  id: string;
  state: string;
  phase: string;
  resultsAvailable: boolean;
  myAnswers: Record<string, string[]> | null;
  questions: { id: string; options: { id: string }[] }[];
  documents: { id: string; title: string }[];
}
interface Results {
  participants: number;
  questions: { id: string; options: { id: string; label: string; votes: number; percent: number }[] }[];
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; messages: string[] }[];
}

const base = '/api/v1/communes/cotonou/consultations';
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const survey = (overrides: Record<string, unknown> = {}) => ({
  title: 'Budget participatif 2026 : vos priorités',
  description: 'La commune consacre 50 millions de FCFA aux projets choisis par les habitants.',
  questions: [
    { text: 'Quel projet financer en priorité ?', options: [{ label: 'Réhabiliter le marché de Gbégamey' }, { label: 'Éclairage solaire à Fidjrossè' }, { label: 'Curage des caniveaux d’Agla' }] },
    { text: 'Quels jours pour les audiences publiques ?', multiple: true, options: [{ label: 'Samedi matin' }, { label: 'Mercredi soir' }] },
  ],
  opensAt: at(-5),
  closesAt: at(60 * 24 * 7),
  ...overrides,
});

describe('consultations', () => {
  let ctx: TestContext;
  let editor: string;
  let citizens: string[];

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    citizens = await Promise.all(Array.from({ length: 3 }, async () => ctx.tokenFor(await ctx.newUser())));
  });
  afterAll(() => ctx.close());

  async function published(overrides: Record<string, unknown> = {}): Promise<Consultation> {
    const draft = await ctx.request<Consultation>({ method: 'POST', url: base, token: editor, body: survey(overrides) });
    expect(draft.status).toBe(201);
    const done = await ctx.request<Consultation>({ method: 'POST', url: `${base}/${draft.body.id}/publish`, token: editor });
    expect(done.status).toBe(200);
    return done.body;
  }

  it('lifecycle: draft for staff, published and answered once per account, results hidden until the close, then shown and exported as CSV', async () => {
    const document = await ctx.newDocument('cotonou', { state: 'published' });
    const draft = await ctx.request<Consultation>({ method: 'POST', url: base, token: editor, body: survey({ documentIds: [document.id] }) });
    expect(draft.body).toMatchObject({ state: 'draft', phase: 'draft' });
    expect(draft.body.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect((await ctx.request({ method: 'GET', url: `${base}/${draft.body.id}` })).status).toBe(404);
    expect((await ctx.request<Consultation[]>({ method: 'GET', url: base })).body).toEqual([]);

    const open = await ctx.request<Consultation>({ method: 'POST', url: `${base}/${draft.body.id}/publish`, token: editor });
    expect(open.body).toMatchObject({ state: 'published', phase: 'open' });
    const id = open.body.id;
    const publicView = await ctx.request<Consultation>({ method: 'GET', url: `${base}/${id}` });
    expect(publicView.body).toMatchObject({ phase: 'open', resultsAvailable: false, myAnswers: null });
    expect(publicView.body.documents.map((d) => d.id)).toEqual([document.id]);

    const answered = await ctx.request<Consultation>({ method: 'POST', url: `${base}/${id}/responses`, token: citizens[0], body: { answers: [{ questionId: 'q1', optionIds: ['o2'] }, { questionId: 'q2', optionIds: ['o1', 'o2'] }] } });
    expect(answered.status).toBe(201);
    expect(answered.body.myAnswers).toEqual({ q1: ['o2'], q2: ['o1', 'o2'] });
    await ctx.request({ method: 'POST', url: `${base}/${id}/responses`, token: citizens[1], body: { answers: [{ questionId: 'q1', optionIds: ['o2'] }, { questionId: 'q2', optionIds: ['o1'] }] } });
    await ctx.request({ method: 'POST', url: `${base}/${id}/responses`, token: citizens[2], body: { answers: [{ questionId: 'q1', optionIds: ['o3'] }, { questionId: 'q2', optionIds: ['o2'] }] } });
    const again = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/responses`, token: citizens[0], body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }, { questionId: 'q2', optionIds: ['o1'] }] } });
    expect(again.body).toMatchObject({ status: 409, code: 'consultation.already-answered' });

    // After the close only (and the staff, who follow it live).
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}/${id}/results`, token: citizens[0] })).body).toMatchObject({ status: 409, code: 'consultation.results-not-yet' });
    expect((await ctx.request<Problem>({ method: 'GET', url: `${base}/${id}/results.csv` })).status).toBe(409);
    expect((await ctx.request<Results>({ method: 'GET', url: `${base}/${id}/results`, token: editor })).body.participants).toBe(3);

    // Individual answers are nobody's but their author's, not even the staff's (RLS).
    const staffSees = await ctx.request<Consultation>({ method: 'GET', url: `${base}/${id}`, token: editor });
    expect(staffSees.body.myAnswers).toBeNull();

    const closed = await ctx.request<Consultation>({ method: 'POST', url: `${base}/${id}/close`, token: editor });
    expect(closed.body.phase).toBe('closed');
    const late = await ctx.request<Problem>({ method: 'POST', url: `${base}/${id}/responses`, token: await ctx.tokenFor(await ctx.newUser()), body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }, { questionId: 'q2', optionIds: ['o1'] }] } });
    expect(late.body).toMatchObject({ status: 409, code: 'consultation.not-open' });

    const results = await ctx.request<Results>({ method: 'GET', url: `${base}/${id}/results` });
    expect(results.status).toBe(200);
    expect(results.body.participants).toBe(3);
    expect(results.body.questions[0].options.map((o) => [o.id, o.votes, o.percent])).toEqual([['o1', 0, 0], ['o2', 2, 66.7], ['o3', 1, 33.3]]);
    expect(results.body.questions[1].options.map((o) => [o.id, o.votes])).toEqual([['o1', 2], ['o2', 2]]);

    const csv = await ctx.request({ method: 'GET', url: `${base}/${id}/results.csv` });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.text.split('\r\n')).toEqual([
      'question_id,question,option_id,option,votes,percent_of_participants,participants',
      'q1,Quel projet financer en priorité ?,o1,Réhabiliter le marché de Gbégamey,0,0,3',
      'q1,Quel projet financer en priorité ?,o2,Éclairage solaire à Fidjrossè,2,66.7,3',
      'q1,Quel projet financer en priorité ?,o3,Curage des caniveaux d’Agla,1,33.3,3',
      'q2,Quels jours pour les audiences publiques ?,o1,Samedi matin,2,66.7,3',
      'q2,Quels jours pour les audiences publiques ?,o2,Mercredi soir,2,66.7,3',
      '',
    ]);
    expect((await ctx.request({ method: 'GET', url: `${base}/${id}/results.csv?excel=1` })).text.startsWith('\uFEFF')).toBe(true);

    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=budget%20participatif&kind=consultation' })).body.total).toBe(1);

    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = $1 order by id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['consultation.created', 'consultation.published', 'consultation.closed']);
    // Votes are not in the audit trail (who took part is the citizen's business).
    expect((await ctx.sql.query(`select 1 from audit_events where action like 'consultation.answer%'`)).rowCount).toBe(0);
  });

  it('shows live results while open when staff chose so', async () => {
    const consultation = await published({ resultsVisibility: 'live', questions: [{ text: 'Faut-il piétonniser la rue du marché ?', options: [{ label: 'Oui' }, { label: 'Non' }] }] });
    await ctx.request({ method: 'POST', url: `${base}/${consultation.id}/responses`, token: citizens[0], body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } });
    const live = await ctx.request<Results>({ method: 'GET', url: `${base}/${consultation.id}/results` });
    expect(live.status).toBe(200);
    expect(live.body.questions[0].options.map((o) => o.votes)).toEqual([1, 0]);
  });

  it('one answer per account, also under concurrent requests (the primary key decides)', async () => {
    const consultation = await published({ questions: [{ text: 'Faut-il un marché de nuit ?', options: [{ label: 'Oui' }, { label: 'Non' }] }] });
    const token = await ctx.tokenFor(await ctx.newUser());
    const body = { answers: [{ questionId: 'q1', optionIds: ['o1'] }] };
    const responses = await Promise.all(Array.from({ length: 8 }, () => ctx.request<Problem>({ method: 'POST', url: `${base}/${consultation.id}/responses`, token, body })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'consultation.already-answered')).toBe(true);
    const stored = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from consultation_responses where consultation_id = $1`, [consultation.id]);
    expect(stored.rows[0].n).toBe(1);
    const tallies = await ctx.sql.query<{ question_id: string; option_id: string; votes: number }>(
      `select question_id, option_id, votes from consultation_tallies where consultation_id = $1 order by question_id, option_id`, [consultation.id]);
    expect(tallies.rows).toEqual([
      { question_id: '', option_id: '', votes: 1 },
      { question_id: 'q1', option_id: 'o1', votes: 1 },
      { question_id: 'q1', option_id: 'o2', votes: 0 },
    ]);
  });

  it('refuses bad consultations and bad answers with problem+json, storing nothing', async () => {
    const consultation = await published({ questions: [{ text: 'Quel jour pour le marché ?', options: [{ label: 'Lundi' }, { label: 'Jeudi' }] }] });
    const before = await ctx.fingerprint();
    const badSurveys: [Record<string, unknown>, string][] = [
      [survey({ title: 'x' }), 'title'],
      [survey({ questions: [] }), 'questions'],
      [survey({ questions: [{ text: 'Une seule option ?', options: [{ label: 'Oui' }] }] }), 'questions.0.options'],
      [survey({ closesAt: at(-60) , opensAt: at(0) }), 'closesAt'],
      [survey({ opensAt: '31/03/2026' }), 'opensAt'],
      [survey({ resultsVisibility: 'never' }), 'resultsVisibility'],
      [survey({ documentIds: ['not-a-uuid'] }), 'documentIds'],
    ];
    for (const [body, field] of badSurveys) {
      const response = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body });
      expect({ field, status: response.status, type: response.headers['content-type'] }).toEqual({ field, status: 400, type: expect.stringContaining('application/problem+json') });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const unknownDocument = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: survey({ documentIds: ['0a000000-0000-4000-8000-000000000000'] }) });
    expect(unknownDocument.body).toMatchObject({ status: 422, code: 'consultation.documents-unknown' });

    const badAnswers: unknown[] = [
      { answers: [] },
      { answers: [{ questionId: 'q1', optionIds: ['o1', 'o2'] }] },
      { answers: [{ questionId: 'q1', optionIds: ['o9'] }] },
      { answers: [{ questionId: 'q2', optionIds: ['o1'] }] },
      { answers: [{ questionId: 'q1', optionIds: [] }] },
      { answers: [{ questionId: 'q1', optionIds: ['o1'] }], extra: true },
    ];
    for (const body of badAnswers) {
      const response = await ctx.request<Problem>({ method: 'POST', url: `${base}/${consultation.id}/responses`, token: citizens[1], body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(await ctx.fingerprint()).toEqual(before);
  });

  it('publishes only with published documents and future dates; changes drafts only', async () => {
    const draftDocument = await ctx.newDocument('cotonou', { state: 'draft' });
    const draft = await ctx.request<Consultation>({ method: 'POST', url: base, token: editor, body: survey({ documentIds: [draftDocument.id] }) });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${draft.body.id}/publish`, token: editor })).body).toMatchObject({ status: 422, code: 'consultation.documents-not-published' });
    const past = await ctx.request<Consultation>({ method: 'POST', url: base, token: editor, body: survey({ opensAt: at(-120), closesAt: at(-60) }) });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${base}/${past.body.id}/publish`, token: editor })).body).toMatchObject({ status: 422, code: 'consultation.already-over' });
    const updated = await ctx.request<Consultation>({ method: 'PATCH', url: `${base}/${past.body.id}`, token: editor, body: survey() });
    expect(updated.status).toBe(200);
    await ctx.request({ method: 'POST', url: `${base}/${past.body.id}/publish`, token: editor });
    expect((await ctx.request<Problem>({ method: 'PATCH', url: `${base}/${past.body.id}`, token: editor, body: survey() })).body).toMatchObject({ status: 409, code: 'consultation.published' });
    expect((await ctx.request<Problem>({ method: 'DELETE', url: `${base}/${past.body.id}`, token: editor })).body).toMatchObject({ status: 409, code: 'consultation.not-draft' });
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${draft.body.id}`, token: editor })).status).toBe(204);
  });
});
