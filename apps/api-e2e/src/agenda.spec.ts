import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

interface Event {
  id: string;
  title: string;
  state: string;
  cancellationReason: string | null;
}
interface Problem {
  status: number;
  code: string;
}

describe("the mayor's agenda", () => {
  let ctx: TestContext;
  let editor: string;
  const base = '/api/v1/communes/cotonou/agenda';
  const inDays = (days: number, hour = 9) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10) + `T${String(hour).padStart(2, '0')}:00:00+01:00`;

  beforeAll(async () => {
    ctx = await TestContext.create();
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
  });
  afterAll(() => ctx.close());

  it('publishes upcoming events, keeps drafts to the staff, cancels with a public reason', async () => {
    const published = await ctx.request<Event>({ method: 'POST', url: base, token: editor, body: { title: 'Visite du chantier du marché de Dantokpa', location: 'Dantokpa', startsAt: inDays(3), endsAt: inDays(3, 11), publish: true } });
    expect(published.status).toBe(201);
    const draft = await ctx.request<Event>({ method: 'POST', url: base, token: editor, body: { title: 'Réunion préparatoire', startsAt: inDays(5) } });
    await ctx.request({ method: 'POST', url: base, token: editor, body: { title: 'Cérémonie passée', startsAt: inDays(-10), publish: true } });

    const upcoming = await ctx.request<Event[]>({ method: 'GET', url: base });
    expect(upcoming.body.map((e) => e.title)).toEqual(['Visite du chantier du marché de Dantokpa']);
    const asStaff = await ctx.request<Event[]>({ method: 'GET', url: base, token: editor });
    expect(asStaff.body.map((e) => e.title)).toEqual(['Visite du chantier du marché de Dantokpa', 'Réunion préparatoire']);
    const past = await ctx.request<Event[]>({ method: 'GET', url: `${base}?from=2000-01-01` });
    expect(past.body.map((e) => e.title)).toContain('Cérémonie passée');
    expect((await ctx.request({ method: 'GET', url: `${base}/${draft.body.id}` })).status).toBe(404);

    await ctx.app.get(SearchIndexer).drain();
    const found = await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=dantokpa&kind=agenda_event' });
    expect(found.body.total).toBe(1);

    const cancelled = await ctx.request<Event>({ method: 'POST', url: `${base}/${published.body.id}/cancel`, token: editor, body: { reason: 'Reportée en raison des intempéries' } });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancellationReason: 'Reportée en raison des intempéries' });
    const publicView = await ctx.request<Event>({ method: 'GET', url: `${base}/${published.body.id}` });
    expect(publicView.body.state).toBe('cancelled');
    await ctx.app.get(SearchIndexer).drain();
    expect((await ctx.request<{ total: number }>({ method: 'GET', url: '/api/v1/search?q=dantokpa&kind=agenda_event' })).body.total).toBe(0);

    const deletePublished = await ctx.request<Problem>({ method: 'DELETE', url: `${base}/${published.body.id}`, token: editor });
    expect(deletePublished.status).toBe(409);
    expect((await ctx.request({ method: 'DELETE', url: `${base}/${draft.body.id}`, token: editor })).status).toBe(204);
  });

  it('explains bad dates', async () => {
    const bad = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { title: 'x', startsAt: '12/03/2025' } });
    expect(bad.status).toBe(400);
    const reversed = await ctx.request<Problem>({ method: 'POST', url: base, token: editor, body: { title: 'x', startsAt: inDays(2, 11), endsAt: inDays(2, 9) } });
    expect(reversed.status).toBe(400);
  });
});
