import { Client } from 'pg';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];

/** Engagements a mayor would publish, relative to today so the agenda always looks current. */
const EVENTS: { days: number; hour: number; hours: number; title: (commune: string) => string; location: (commune: string) => string; description: string }[] = [
  { days: -12, hour: 9, hours: 3, title: (c) => `Session ordinaire du conseil communal de ${c}`, location: (c) => `Hôtel de ville de ${c}, salle des délibérations`, description: 'Ordre du jour : adoption du compte administratif, point sur les chantiers du PAI, questions diverses. Séance publique.' },
  { days: -5, hour: 10, hours: 2, title: () => 'Remise de tables-bancs aux écoles primaires publiques', location: () => 'EPP du centre', description: 'Remise officielle du mobilier scolaire financé sur le budget communal.' },
  { days: 2, hour: 9, hours: 2, title: () => 'Visite du chantier de réhabilitation du marché central', location: () => 'Marché central', description: 'Le maire visite le chantier avec l’entreprise attributaire et les représentants des commerçants.' },
  { days: 6, hour: 15, hours: 2, title: () => 'Audience publique du maire', location: (c) => `Mairie de ${c}`, description: 'Le maire reçoit les citoyens sans rendez-vous. Inscription sur place.' },
  { days: 11, hour: 9, hours: 4, title: (c) => `Séance publique de reddition de comptes — ${c}`, location: (c) => `Hôtel de ville de ${c}`, description: 'Le maire rend compte de la gestion de la commune : exécution du budget, chantiers en cours, difficultés. Questions des citoyens.' },
  { days: 18, hour: 8, hours: 3, title: () => 'Lancement de la campagne de salubrité avant la saison des pluies', location: () => 'Place publique', description: 'Curage des caniveaux et sensibilisation des riverains, avec les chefs quartiers.' },
  { days: 25, hour: 10, hours: 2, title: () => 'Signature de la convention avec le FADeC', location: (c) => `Mairie de ${c}`, description: 'Signature de la convention de financement des investissements de l’exercice.' },
];

/** The mayor's agenda for the pilot communes, once (a commune with events is left alone). */
export async function seedDemoAgenda(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    for (const slug of PILOTS) {
      const commune = (await client.query<{ id: string; name: string }>('select id, name from communes where slug = $1', [slug])).rows[0];
      if (!commune) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [commune.id]);
        if ((await client.query('select 1 from agenda_events where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          for (const event of EVENTS) {
            const day = new Date();
            day.setUTCHours(event.hour - 1, 0, 0, 0); // Benin is UTC+1
            day.setUTCDate(day.getUTCDate() + event.days);
            const ends = new Date(day.getTime() + event.hours * 3_600_000);
            const row = await client.query<{ id: string }>(
              `insert into agenda_events (commune_id, title, description, location, starts_at, ends_at, state, published_at)
               values ($1, $2, $3, $4, $5, $6, 'published', now()) returning id`,
              [commune.id, event.title(commune.name), event.description, event.location(commune.name), day, ends],
            );
            await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [commune.id, `agenda_event:${row.rows[0].id}`]);
            created += 1;
          }
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return created;
}
