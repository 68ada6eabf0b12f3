import { COMMUNE_A, describeIsolationMatrix, MatrixEndpoint, STAFF_A, TestContext, WRITERS_A } from '@communes/api-testing';

/** The mayor's agenda in the isolation matrix. */
const base = `/api/v1/communes/${COMMUNE_A}/agenda`;

async function newEvent(ctx: TestContext, state: 'draft' | 'published'): Promise<string> {
  const result = await ctx.sql.query<{ id: string }>(
    `insert into agenda_events (commune_id, title, starts_at, state, published_at)
     select id, 'Audience publique', now() + interval '2 days', $2::agenda_event_state, case when $2::agenda_event_state = 'published' then now() end
     from communes where slug = $1 returning id`,
    [COMMUNE_A, state],
  );
  return result.rows[0].id;
}

const ENDPOINTS: MatrixEndpoint[] = [
  { name: 'GET /communes/:slug/agenda', allowed: 'everyone', prepare: async () => ({ method: 'GET', url: base }) },
  { name: 'GET /communes/:slug/agenda/:id (published)', allowed: 'everyone', prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newEvent(ctx, 'published')}` }) },
  { name: 'GET /communes/:slug/agenda/:id (draft)', allowed: STAFF_A, anonymousStatus: 404, prepare: async (ctx) => ({ method: 'GET', url: `${base}/${await newEvent(ctx, 'draft')}` }) },
  { name: 'POST /communes/:slug/agenda', allowed: WRITERS_A, prepare: async () => ({ method: 'POST', url: base, body: { title: 'Conseil communal', startsAt: '2030-03-12T09:00:00+01:00' } }) },
  { name: 'PATCH /communes/:slug/agenda/:id', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'PATCH', url: `${base}/${await newEvent(ctx, 'published')}`, body: { title: 'Audience publique (salle B)', startsAt: '2030-03-12T09:00:00+01:00' } }) },
  { name: 'POST /communes/:slug/agenda/:id/publish', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newEvent(ctx, 'draft')}/publish` }) },
  { name: 'POST /communes/:slug/agenda/:id/cancel', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'POST', url: `${base}/${await newEvent(ctx, 'published')}/cancel`, body: { reason: 'Reportée' } }) },
  { name: 'DELETE /communes/:slug/agenda/:id (draft)', allowed: WRITERS_A, prepare: async (ctx) => ({ method: 'DELETE', url: `${base}/${await newEvent(ctx, 'draft')}` }) },
];

describeIsolationMatrix('agenda', ENDPOINTS);
