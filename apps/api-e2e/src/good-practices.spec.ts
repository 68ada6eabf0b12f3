import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Practice {
  id: string;
  status: string;
  title: string;
  communeSlug: string;
  documents: { id: string; title: string }[];
  reviews: { action: string; comment: string | null }[];
}
interface Library {
  total: number;
  items: { id: string; communeSlug: string; theme: string }[];
  themes: { theme: string; count: number }[];
  departments: { department: string; count: number }[];
  communes: { slug: string; name: string; count: number }[];
  years: { year: number; count: number }[];
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string }[];
}

const base = '/api/v1/communes/cotonou/good-practices';
const COMPLETE = {
  summary: 'Les habitants de chaque arrondissement choisissent une partie des investissements de la commune.',
  body: 'Chaque année, la mairie réserve une enveloppe aux projets proposés par les habitants.\n\nDes assemblées se tiennent dans chaque arrondissement, puis un vote public désigne les projets retenus et le conseil les inscrit au budget.',
  results: 'Trente projets financés en deux ans ; participation aux assemblées en hausse de 40 %.',
  contactRole: 'Service de la planification et du développement local',
  contactDetails: 'planification@mairie-cotonou.bj',
};

describe('good practices', () => {
  let ctx: TestContext;
  let editor: string;
  let editorEmail: string;
  let ancb: string;
  let adminB: string;
  let publishedDocument: string;
  let draftDocument: string;
  let foreignDocument: string;

  async function document(slug: string, state: 'draft' | 'published', title: string): Promise<string> {
    const result = await ctx.sql.query<{ id: string }>(
      `insert into documents (commune_id, category, fiscal_year, title, state, published_at)
       select id, 'rapport_reddition_comptes', 2025, $3, $2::document_state, case when $2 = 'published' then now() end from communes where slug = $1 returning id`,
      [slug, state, title],
    );
    return result.rows[0].id;
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    const editorUser = await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] });
    editorEmail = editorUser.email;
    editor = await ctx.tokenFor(editorUser);
    ancb = await ctx.tokenFor(await ctx.newUser({ platformRole: 'platform_admin' }));
    adminB = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'abomey-calavi', role: 'admin' }] }));
    publishedDocument = await document('cotonou', 'published', 'Rapport de reddition de comptes 2025');
    draftDocument = await document('cotonou', 'draft', 'Brouillon interne');
    foreignDocument = await document('abomey-calavi', 'published', 'Rapport d’Abomey-Calavi');
  });
  afterAll(() => ctx.close());

  it('draft → submitted → changes requested → resubmitted → published → unpublished, audited, with a review history, emails and the search index', async () => {
    const created = await ctx.request<Practice>({ method: 'POST', url: base, token: editor, body: { title: 'Budget participatif par arrondissement', theme: 'participation_citoyenne' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', communeSlug: 'cotonou', documents: [], reviews: [] });
    const url = `${base}/${created.body.id}`;

    const incomplete = await ctx.request<Problem>({ method: 'POST', url: `${url}/submit`, token: editor, body: {} });
    expect(incomplete.body).toMatchObject({ status: 422, code: 'good-practice.incomplete' });

    const edited = await ctx.request<Practice>({ method: 'PUT', url, token: editor, body: { title: 'Budget participatif par arrondissement', theme: 'participation_citoyenne', ...COMPLETE, documentIds: [publishedDocument] } });
    expect(edited.status).toBe(200);
    expect(edited.body.documents.map((d) => d.id)).toEqual([publishedDocument]);

    const submitted = await ctx.request<Practice>({ method: 'POST', url: `${url}/submit`, token: editor, body: {} });
    expect(submitted.body.status).toBe('submitted');
    expect((await ctx.request<Problem>({ method: 'PUT', url, token: editor, body: { title: 'Changement pendant la revue', theme: 'autre' } })).body).toMatchObject({ status: 409, code: 'good-practice.not-editable' });
    expect((await ctx.request<Problem>({ method: 'POST', url: `${url}/submit`, token: editor, body: {} })).body).toMatchObject({ status: 409, code: 'good-practice.not-editable' });

    const queue = await ctx.request<{ id: string; communeName: string }[]>({ method: 'GET', url: '/api/v1/good-practices/review-queue', token: ancb });
    expect(queue.body.map((p) => p.id)).toContain(created.body.id);

    const sentBack = await ctx.request<Practice>({ method: 'POST', url: `${url}/request-changes`, token: ancb, body: { comment: 'Précisez le montant de l’enveloppe annuelle.' } });
    expect(sentBack.body.status).toBe('changes_requested');
    const resubmittedEdit = await ctx.request<Practice>({ method: 'PUT', url, token: editor, body: { title: 'Budget participatif par arrondissement', theme: 'participation_citoyenne', results: `${COMPLETE.results} Enveloppe : 150 millions FCFA par an.` } });
    expect(resubmittedEdit.status).toBe(200);
    await ctx.request({ method: 'POST', url: `${url}/submit`, token: editor, body: { comment: 'Montant ajouté dans les résultats.' } });

    // Not yet public: neither in the library nor by its id.
    expect((await ctx.request({ method: 'GET', url: `/api/v1/good-practices/${created.body.id}` })).status).toBe(404);

    const published = await ctx.request<Practice>({ method: 'POST', url: `${url}/publish`, token: ancb, body: {} });
    expect(published.body.status).toBe('published');
    expect(published.body.reviews.map((r) => [r.action, r.comment])).toEqual([
      ['submitted', null],
      ['changes_requested', 'Précisez le montant de l’enveloppe annuelle.'],
      ['submitted', 'Montant ajouté dans les résultats.'],
      ['published', null],
    ]);
    expect((await ctx.request<Problem>({ method: 'POST', url: `${url}/publish`, token: ancb, body: {} })).body).toMatchObject({ status: 409, code: 'good-practice.not-submitted' });

    // Public: the history stays between the commune and ANCB.
    const publicView = await ctx.request<Practice>({ method: 'GET', url: `/api/v1/good-practices/${created.body.id}` });
    expect(publicView.body).toMatchObject({ status: 'published', reviews: [], documents: [{ id: publishedDocument }] });
    expect(publicView.body).not.toHaveProperty('submittedBy');
    expect((await ctx.request<Practice>({ method: 'GET', url, token: adminB })).body.reviews).toEqual([]);
    expect((await ctx.request<Practice>({ method: 'GET', url, token: editor })).body.reviews).toHaveLength(4);

    const library = await ctx.request<Library>({ method: 'GET', url: '/api/v1/good-practices?q=arrondissements%20enveloppe' });
    expect(library.body.items.map((p) => p.id)).toContain(created.body.id);
    // Words naming the commune or its department find its practices too.
    const byPlace = await ctx.request<Library>({ method: 'GET', url: '/api/v1/good-practices?q=budget%20Cotonou' });
    expect(byPlace.body.items.map((p) => p.id)).toEqual([created.body.id]);
    expect((await ctx.request<Library>({ method: 'GET', url: '/api/v1/good-practices?q=budget%20Ouidah' })).body.total).toBe(0);
    const filtered = await ctx.request<Library>({ method: 'GET', url: `/api/v1/good-practices?theme=participation_citoyenne&department=Littoral&commune=cotonou&year=${new Date().getUTCFullYear()}` });
    expect(filtered.body.items.map((p) => p.id)).toEqual([created.body.id]);
    expect(filtered.body.themes).toEqual([{ theme: 'participation_citoyenne', count: 1 }]);
    expect(filtered.body.communes).toEqual([{ slug: 'cotonou', name: 'Cotonou', count: 1 }]);
    expect(filtered.body.departments).toEqual([{ department: 'Littoral', count: 1 }]);
    expect((await ctx.request<Library>({ method: 'GET', url: '/api/v1/good-practices?theme=etat_civil' })).body.total).toBe(0);
    expect((await ctx.request<Library>({ method: 'GET', url: '/api/v1/good-practices?commune=abomey-calavi' })).body.total).toBe(0);

    await ctx.app.get(SearchIndexer).drain();
    const found = await ctx.request<{ total: number; hits: { record: { url: string } }[] }>({ method: 'GET', url: '/api/v1/search?q=budget%20participatif&kind=good_practice' });
    expect(found.body.total).toBe(1);
    expect(found.body.hits[0].record.url).toBe(`/bonnes-pratiques/${created.body.id}`);

    const unpublished = await ctx.request<Practice>({ method: 'POST', url: `${url}/unpublish`, token: ancb, body: { comment: 'Les chiffres publiés sont contestés.' } });
    expect(unpublished.body.status).toBe('unpublished');
    expect((await ctx.request({ method: 'GET', url: `/api/v1/good-practices/${created.body.id}` })).status).toBe(404);
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=budget%20participatif&kind=good_practice' })).body.total).toBe(0);

    const audit = await ctx.sql.query<{ action: string }>(`select action from audit_events where target_id = $1 order by id`, [created.body.id]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'good-practice.created',
      'good-practice.updated',
      'good-practice.submitted',
      'good-practice.changes-requested',
      'good-practice.updated',
      'good-practice.submitted',
      'good-practice.published',
      'good-practice.unpublished',
    ]);
    const emails = await ctx.sql.query<{ recipient_email: string; params: { decision: string } }>(
      `select recipient_email, params from notification_outbox where template = 'good_practice.reviewed' order by id`,
    );
    expect(emails.rows.map((r) => [r.recipient_email, r.params.decision])).toEqual([
      [editorEmail, 'changes_requested'],
      [editorEmail, 'published'],
      [editorEmail, 'unpublished'],
    ]);
  });

  it('a rejected practice is final; a draft can be deleted, a submitted one cannot', async () => {
    const created = await ctx.request<Practice>({ method: 'POST', url: base, token: editor, body: { title: 'Guichet unique de l’état civil', theme: 'etat_civil', ...COMPLETE } });
    const url = `${base}/${created.body.id}`;
    await ctx.request({ method: 'POST', url: `${url}/submit`, token: editor, body: {} });
    expect((await ctx.request<Problem>({ method: 'DELETE', url, token: editor })).body).toMatchObject({ status: 409, code: 'good-practice.not-draft' });
    const rejected = await ctx.request<Practice>({ method: 'POST', url: `${url}/reject`, token: ancb, body: { comment: 'Pratique déjà publiée par une autre commune.' } });
    expect(rejected.body.status).toBe('rejected');
    expect((await ctx.request<Problem>({ method: 'POST', url: `${url}/submit`, token: editor, body: {} })).body).toMatchObject({ status: 409, code: 'good-practice.not-editable' });

    const draft = await ctx.request<Practice>({ method: 'POST', url: base, token: editor, body: { title: 'Brouillon à jeter', theme: 'autre' } });
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${draft.body.id}`, token: editor })).status).toBe(204);
    expect((await ctx.sql.query(`select 1 from good_practices where id = $1`, [draft.body.id])).rowCount).toBe(0);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const draft = await ctx.request<Practice>({ method: 'POST', url: base, token: editor, body: { title: 'Assainissement des caniveaux', theme: 'environnement_assainissement', ...COMPLETE } });
    const url = `${base}/${draft.body.id}`;
    const before = await ctx.fingerprint();
    for (const [body, field] of [
      [{ title: 'Nul', theme: 'autre' }, 'title'],
      [{ title: 'Une bonne pratique', theme: 'sport' }, 'theme'],
      [{ title: 'Une bonne pratique', theme: 'autre', summary: 'x'.repeat(601) }, 'summary'],
      [{ title: 'Une bonne pratique', theme: 'autre', documentIds: ['abc'] }, 'documentIds'],
      [{ title: 'Une bonne pratique', theme: 'autre', status: 'published' }, 'status'],
    ] as const) {
      for (const call of [{ method: 'POST' as const, url: base }, { method: 'PUT' as const, url }]) {
        const response = await ctx.request<Problem>({ ...call, token: editor, body });
        expect({ field, method: call.method, status: response.status }).toEqual({ field, method: call.method, status: 400 });
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors?.map((e) => e.field)).toContain(field);
      }
    }
    for (const documentId of [draftDocument, foreignDocument, '0a000000-0000-4000-8000-000000000000']) {
      const response = await ctx.request<Problem>({ method: 'PUT', url, token: editor, body: { title: 'Assainissement des caniveaux', theme: 'autre', documentIds: [documentId] } });
      expect(response.body).toMatchObject({ status: 422, code: 'good-practice.document-not-found' });
    }
    expect((await ctx.request<Problem>({ method: 'POST', url: `${url}/submit`, token: ancb, body: {} })).status).toBe(403);
    await ctx.request({ method: 'POST', url: `${url}/submit`, token: editor, body: {} });
    const afterSubmit = await ctx.fingerprint();
    for (const path of ['request-changes', 'reject']) {
      for (const body of [{}, { comment: 'Non' }, { comment: 'x'.repeat(2001) }]) {
        const response = await ctx.request<Problem>({ method: 'POST', url: `${url}/${path}`, token: ancb, body });
        expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
      }
    }
    for (const query of ['theme=sport', 'year=19', 'year=abc', 'pageSize=500', 'page=0', 'commune=Not%20A%20Slug']) {
      const response = await ctx.request<Problem>({ method: 'GET', url: `/api/v1/good-practices?${query}` });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    expect((await ctx.request<Problem>({ method: 'GET', url: '/api/v1/good-practices/not-a-uuid' })).status).toBe(400);
    expect((await ctx.request<Problem>({ method: 'GET', url: '/api/v1/good-practices/review-queue?status=draft', token: ancb })).status).toBe(400);
    expect(await ctx.fingerprint()).toEqual(afterSubmit);
    expect(Object.keys(before)).toEqual(Object.keys(afterSubmit));
  });
});
