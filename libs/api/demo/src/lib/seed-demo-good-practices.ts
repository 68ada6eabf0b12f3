import { Client } from 'pg';

const DAY = 86_400_000;

interface DemoPractice {
  slug: string;
  title: string;
  theme: string;
  summary: string;
  body: string;
  results: string;
  contactRole: string;
  contactDetails: string;
  /** Published by ANCB, or still waiting for its review (so the ANCB demo has a queue). */
  status: 'published' | 'submitted';
  /** Days ago it was submitted. */
  days: number;
}

const PRACTICES: DemoPractice[] = [
  {
    slug: 'cotonou',
    title: 'Budget participatif dans les arrondissements',
    theme: 'participation_citoyenne',
    summary: 'Chaque année, les habitants de chaque arrondissement proposent puis choisissent par vote une partie des investissements de la commune.',
    body:
      'La commune réserve chaque année une enveloppe du budget d’investissement aux projets proposés par les habitants : un montant par arrondissement, proportionnel à sa population.\n\n' +
      'D’abord, des assemblées d’arrondissement recueillent les propositions (caniveaux, éclairage, salles de classe, points d’eau). Les services techniques vérifient la faisabilité et le coût de chacune.\n\n' +
      'Ensuite, un vote public est organisé pendant deux semaines, dans les mairies d’arrondissement et en ligne. Les projets retenus sont inscrits au budget primitif et suivis dans les redditions de comptes.',
    results:
      'En deux ans, 31 projets financés pour 412 millions FCFA ; 18 400 votants la deuxième année (contre 7 900 la première) ; les plaintes sur l’éclairage public ont baissé d’un tiers dans les quartiers équipés.',
    contactRole: 'Direction de la planification et du développement local',
    contactDetails: 'Hôtel de ville de Cotonou — planification@mairie-cotonou.bj',
    status: 'published',
    days: 60,
  },
  {
    slug: 'abomey-calavi',
    title: 'Guichet unique et audiences foraines pour les actes de naissance',
    theme: 'etat_civil',
    summary: 'Un guichet unique à la mairie et des audiences foraines dans les villages permettent d’enregistrer les naissances et de délivrer les actes en une seule visite.',
    body:
      'Avant, obtenir un acte de naissance demandait plusieurs déplacements entre le centre de santé, l’arrondissement et la mairie.\n\n' +
      'La commune a ouvert un guichet unique où la déclaration, la vérification et la signature se font le même jour. Les registres sont saisis au fil de l’eau et sauvegardés chaque soir.\n\n' +
      'Pour les enfants jamais déclarés, des audiences foraines sont organisées avec le tribunal dans les villages éloignés, annoncées par les crieurs publics et les radios locales.',
    results: 'Délai moyen de délivrance passé de 3 semaines à 2 jours ; 5 200 jugements supplétifs rendus en audiences foraines en un an.',
    contactRole: 'Service de l’état civil',
    contactDetails: 'Mairie d’Abomey-Calavi — etatcivil@mairie-abomey-calavi.bj',
    status: 'published',
    days: 45,
  },
  {
    slug: 'akpro-misserete',
    title: 'Affichage public des recettes du marché chaque semaine',
    theme: 'finances_locales',
    summary: 'Les recettes des droits de place du marché sont affichées chaque semaine à l’entrée du marché et lues à la radio communautaire.',
    body:
      'Les collecteurs remettent chaque soir les tickets et les sommes perçues au régisseur, qui tient un cahier signé par le chef du marché.\n\n' +
      'Chaque lundi, le total de la semaine précédente est affiché sur un tableau à l’entrée du marché et annoncé à la radio communautaire, avec le montant attendu.\n\n' +
      'Les commerçantes peuvent signaler un ticket non délivré au bureau du marché ; les signalements sont examinés en réunion mensuelle.',
    results: 'Recettes du marché en hausse de 27 % en un an, sans changer les tarifs ; moins de litiges entre collecteurs et commerçantes.',
    contactRole: 'Régie des recettes de la mairie',
    contactDetails: 'Mairie d’Akpro-Missérété',
    status: 'submitted',
    days: 5,
  },
];

/**
 * Good practices of the pilot communes: two published in the national library (with their
 * review history and a linked published document when the commune has one), one waiting for
 * ANCB's review. Once: a commune that already has practices is left alone.
 */
export async function seedDemoGoodPractices(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    const ancb = (await client.query<{ id: string }>(`select id from users where email = 'ancb@demo.communes.bj'`)).rows[0]?.id ?? null;
    for (const item of PRACTICES) {
      const commune = (await client.query<{ id: string }>('select id from communes where slug = $1', [item.slug])).rows[0];
      if (!commune) continue;
      const admin = (await client.query<{ id: string }>('select id from users where email = $1', [`admin@${item.slug}.demo.communes.bj`])).rows[0]?.id ?? null;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true), set_config('app.user_id', $2, true)`, [
          commune.id,
          admin ?? '00000000-0000-4000-8000-000000000000',
        ]);
        if ((await client.query('select 1 from good_practices where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          created += await insertPractice(client, commune.id, item, admin, ancb);
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

async function insertPractice(client: Client, communeId: string, item: DemoPractice, admin: string | null, ancb: string | null): Promise<number> {
  const submitted = new Date(Date.now() - item.days * DAY);
  const published = item.status === 'published' ? new Date(submitted.getTime() + 4 * DAY) : null;
  const row = await client.query<{ id: string }>(
    `insert into good_practices (commune_id, title, theme, summary, body, results, contact_role, contact_details, status,
       submitted_at, submitted_by, published_at, reviewed_at, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11, $12::timestamptz, $12::timestamptz, $11, $10::timestamptz - interval '3 days', coalesce($12::timestamptz, $10::timestamptz))
     returning id`,
    [communeId, item.title, item.theme, item.summary, item.body, item.results, item.contactRole, item.contactDetails, item.status, submitted, admin, published],
  );
  const id = row.rows[0].id;
  const document = await client.query<{ id: string }>(
    `select id from documents where commune_id = $1 and state = 'published' order by (category = 'rapport_reddition_comptes') desc, published_at desc limit 1`,
    [communeId],
  );
  if (document.rows[0]) {
    await client.query(`insert into good_practice_documents (commune_id, practice_id, document_id, position) values ($1, $2, $3, 0)`, [communeId, id, document.rows[0].id]);
  }
  await client.query(`insert into good_practice_reviews (commune_id, practice_id, action, actor_id, created_at) values ($1, $2, 'submitted', $3, $4::timestamptz)`, [
    communeId,
    id,
    admin,
    submitted,
  ]);
  if (published) {
    // ANCB's decision: the review policies let only the platform scope record it.
    await client.query(`select set_config('app.scope', 'platform', true)`);
    await client.query(
      `insert into good_practice_reviews (commune_id, practice_id, action, comment, actor_id, created_at) values ($1, $2, 'published', $3, $4, $5::timestamptz)`,
      [communeId, id, 'Pratique claire, résultats chiffrés : publiée.', ancb, published],
    );
    await client.query(`select set_config('app.scope', 'staff', true)`);
    await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `good_practice:${id}`]);
  }
  return 1;
}
