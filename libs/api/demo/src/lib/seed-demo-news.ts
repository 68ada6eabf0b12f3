import { Client } from 'pg';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];

/** Two articles a communication officer would publish, dated relative to today so the page looks current. */
const NEWS: { days: number; title: (commune: string) => string; summary: string; body: (commune: string) => string }[] = [
  {
    days: -3,
    title: () => 'Campagne de curage des caniveaux avant la saison des pluies',
    summary: 'Du lundi au samedi, les équipes de la voirie curent les caniveaux des grands axes, quartier par quartier.',
    body: (c) =>
      `La mairie de ${c} lance sa campagne annuelle de curage des caniveaux avant la saison des pluies.\n\n` +
      'Les équipes de la voirie interviennent quartier par quartier, avec les chefs quartiers. Les riverains sont invités à ne pas déposer d’ordures dans les caniveaux et à signaler les points bouchés par une doléance sur Communes+.',
  },
  {
    days: -10,
    title: (c) => `Le budget primitif de ${c} est en ligne`,
    summary: 'Le budget voté par le conseil communal est publié en entier, ligne par ligne, avec ses documents.',
    body: (c) =>
      `Le budget primitif de ${c} adopté par le conseil communal est désormais consultable sur Communes+ : recettes et dépenses, fonctionnement et investissement, ligne par ligne.\n\n` +
      'Chaque citoyen peut le télécharger, le comparer aux années précédentes et poser ses questions lors de la prochaine séance de reddition de comptes.',
  },
];

/** Two published news articles per pilot commune, once (a commune with news is left alone). */
export async function seedDemoNews(ownerUrl: string): Promise<number> {
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
        if ((await client.query('select 1 from news where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          for (const article of NEWS) {
            const row = await client.query<{ id: string }>(
              `insert into news (commune_id, title, summary, body, state, published_at)
               values ($1, $2, $3, $4, 'published', now() + make_interval(days => $5)) returning id`,
              [commune.id, article.title(commune.name), article.summary, article.body(commune.name), article.days],
            );
            await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [commune.id, `news:${row.rows[0].id}`]);
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
