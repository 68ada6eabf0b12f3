import { Client } from 'pg';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];
const DEMO_CITIZEN = 'citoyen@demo.communes.bj';

type Status = 'received' | 'in_progress' | 'answered' | 'resolved' | 'declined';

/** Doléances and suggestions a pilot commune would receive, with how far the staff got. */
const FEEDBACK: { kind: 'doleance' | 'suggestion'; category: string; text: string; place: string; visibility: 'public' | 'private'; status: Status; days: number; answer: string | null }[] = [
  { kind: 'doleance', category: 'assainissement', text: 'Le caniveau principal du quartier est bouché depuis trois semaines : l’eau stagne devant l’école primaire et les moustiques se multiplient.', place: 'Devant l’EPP du centre', visibility: 'public', status: 'resolved', days: 40, answer: 'Le service technique a curé le caniveau le 12 ; un passage mensuel est désormais programmé avant la saison des pluies.' },
  { kind: 'doleance', category: 'eclairage', text: 'Les lampadaires de la voie pavée sont éteints depuis un mois ; la rue est dangereuse le soir pour les élèves et les commerçantes.', place: 'Voie pavée du marché', visibility: 'public', status: 'answered', days: 12, answer: 'Les lampes défectueuses sont commandées ; l’entreprise chargée de l’entretien interviendra dans les deux semaines.' },
  { kind: 'suggestion', category: 'marches', text: 'Installer des points d’eau et des toilettes publiques au marché central, avec une petite redevance pour l’entretien.', place: 'Marché central', visibility: 'public', status: 'in_progress', days: 8, answer: null },
  { kind: 'doleance', category: 'dechets', text: 'Un dépotoir sauvage grandit derrière le terrain de football ; les ordures sont brûlées chaque semaine près des maisons.', place: 'Derrière le terrain de football', visibility: 'public', status: 'received', days: 2, answer: null },
  { kind: 'suggestion', category: 'voirie', text: 'Publier chaque trimestre l’avancement des travaux de la route, avec des photos, pour que les riverains sachent quand elle sera terminée.', place: '', visibility: 'public', status: 'declined', days: 25, answer: 'L’avancement des chantiers est déjà publié chaque mois dans la rubrique Marchés publics de la commune, avec les documents des entreprises.' },
  { kind: 'doleance', category: 'etat_civil', text: 'J’ai demandé un acte de naissance pour mon fils il y a deux mois et il n’est toujours pas prêt au guichet.', place: '', visibility: 'private', status: 'in_progress', days: 6, answer: null },
];

/**
 * Feedback (with tracking numbers, statuses and answers) and one open consultation for each
 * pilot commune, once (a commune with feedback is left alone). Sent by the demo citizen account
 * when it exists.
 */
export async function seedDemoParticipation(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    const citizen = (await client.query<{ id: string }>('select id from users where email = $1', [DEMO_CITIZEN])).rows[0]?.id ?? null;
    for (const slug of PILOTS) {
      const commune = (await client.query<{ id: string; name: string }>('select id, name from communes where slug = $1', [slug])).rows[0];
      if (!commune) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true), set_config('app.user_id', $2, true)`, [commune.id, citizen ?? '00000000-0000-4000-8000-000000000000']);
        if ((await client.query('select 1 from feedback where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          for (const item of FEEDBACK) {
            const created_at = new Date(Date.now() - item.days * 86_400_000);
            const counter = await client.query<{ year: number; n: number }>(
              `insert into feedback_counters as c (commune_id, year, last_number) values ($1, $2, 1)
               on conflict (commune_id, year) do update set last_number = c.last_number + 1 returning c.year, c.last_number as n`,
              [commune.id, created_at.getUTCFullYear()],
            );
            const prefix = slug.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();
            const number = `${prefix}-${counter.rows[0].year}-${String(counter.rows[0].n).padStart(6, '0')}`;
            const responded = item.status === 'received' ? null : new Date(created_at.getTime() + 2 * 86_400_000);
            const closed = item.status === 'resolved' || item.status === 'declined' ? new Date(created_at.getTime() + 9 * 86_400_000) : null;
            const row = await client.query<{ id: string }>(
              `insert into feedback (commune_id, tracking_number, kind, category, text, place, visibility, status, author_id, answer,
                 answered_at, first_response_at, closed_at, created_at, updated_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz, $13::timestamptz, $14::timestamptz,
                 coalesce($13::timestamptz, $12::timestamptz, $14::timestamptz)) returning id`,
              [commune.id, number, item.kind, item.category, item.text, item.place || null, item.visibility, item.status, citizen, item.answer,
               item.answer ? responded : null, responded, closed, created_at],
            );
            if (item.visibility === 'public' && item.answer) {
              await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [commune.id, `feedback:${row.rows[0].id}`]);
            }
            created += 1;
          }
          const questions = [
            { id: 'q1', text: 'Quel projet financer en priorité avec le budget participatif ?', multiple: false, options: [
              { id: 'o1', label: 'Réhabiliter le marché central' }, { id: 'o2', label: 'Éclairage solaire des voies principales' },
              { id: 'o3', label: 'Curage et pavage des caniveaux' }, { id: 'o4', label: 'Latrines et points d’eau dans les écoles' } ] },
            { id: 'q2', text: 'Quand préférez-vous les audiences publiques du maire ?', multiple: true, options: [
              { id: 'o1', label: 'Samedi matin' }, { id: 'o2', label: 'Mercredi en fin d’après-midi' }, { id: 'o3', label: 'Dimanche après le culte' } ] },
          ];
          const consultation = await client.query<{ id: string }>(
            `insert into consultations (commune_id, title, description, questions, opens_at, closes_at, results_visibility, state, published_at)
             values ($1, $2, $3, $4::jsonb, now() - interval '3 days', now() + interval '25 days', 'live', 'published', now() - interval '3 days') returning id`,
            [commune.id, `Budget participatif ${new Date().getUTCFullYear() + 1} : vos priorités pour ${commune.name}`,
             'La commune réserve une part de son budget d’investissement aux projets choisis par les habitants. Donnez votre avis : une réponse par compte, résultats visibles en direct.',
             JSON.stringify(questions)],
          );
          await client.query(
            `insert into consultation_tallies (commune_id, consultation_id, question_id, option_id)
             select $1, $2, q, o from unnest($3::text[], $4::text[]) as t(q, o)`,
            [commune.id, consultation.rows[0].id, ['', 'q1', 'q1', 'q1', 'q1', 'q2', 'q2', 'q2'], ['', 'o1', 'o2', 'o3', 'o4', 'o1', 'o2', 'o3']],
          );
          await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [commune.id, `consultation:${consultation.rows[0].id}`]);
          created += 1;
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
