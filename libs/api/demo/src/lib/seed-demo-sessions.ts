import { Client } from 'pg';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];
const DEMO_CITIZEN = 'citoyen@demo.communes.bj';
const DAY = 86_400_000;

interface DemoSession {
  kind: 'council' | 'accountability';
  sessionType: 'ordinary' | 'extraordinary' | null;
  title: (year: number) => string;
  place: string;
  /** Days from today (negative: held). */
  days: number;
  description: string;
  agenda: string[];
  summary: string | null;
  /** A made-up video id: the player says the video is unavailable, the page shows how it works. */
  youtube: string | null;
  questions: { text: string; answer: string | null; answered: boolean }[];
}

const SESSIONS: DemoSession[] = [
  {
    kind: 'accountability',
    sessionType: null,
    title: (year) => `Reddition de comptes du premier semestre ${year}`,
    place: 'Hôtel de ville, salle des fêtes',
    days: -40,
    description: 'Le maire présente aux habitants ce qui a été fait, dépensé et décidé au premier semestre, puis répond à leurs questions.',
    agenda: ['Exécution du budget au premier semestre', 'Avancement des chantiers (voirie, marchés, écoles)', 'Questions des citoyens'],
    summary:
      'Le maire a présenté l’exécution du budget (62 % des recettes prévues encaissées) et l’avancement de sept chantiers. ' +
      'Les habitants ont surtout interrogé la commune sur l’assainissement et l’éclairage public ; les réponses écrites figurent sous chaque question.',
    youtube: null,
    questions: [
      { text: 'Quand les caniveaux du quartier seront-ils curés avant la saison des pluies ?', answer: 'Le curage des caniveaux principaux est programmé en mars, quartier par quartier ; le calendrier est affiché à la mairie.', answered: true },
      { text: 'Combien a coûté la réfection de la voie pavée du marché, et qui l’a réalisée ?', answer: null, answered: true },
      { text: 'Pourquoi les lampadaires solaires installés l’an dernier sont-ils déjà en panne ?', answer: 'Douze lampadaires sont sous garantie : l’entreprise doit les remplacer avant la fin du mois.', answered: true },
    ],
  },
  {
    kind: 'council',
    sessionType: 'ordinary',
    title: (year) => `Troisième session ordinaire ${year} du conseil communal`,
    place: 'Hôtel de ville, salle des délibérations',
    days: -75,
    description: 'Session ordinaire du conseil communal, publique.',
    agenda: ['Adoption du procès-verbal de la session précédente', 'Examen du compte administratif', 'Attribution des marchés d’entretien des voies'],
    summary: 'Le conseil a adopté le compte administratif à l’unanimité et autorisé le maire à signer les marchés d’entretien des voies.',
    youtube: null,
    questions: [],
  },
  {
    kind: 'council',
    sessionType: 'ordinary',
    title: (year) => `Quatrième session ordinaire ${year} du conseil communal`,
    place: 'Hôtel de ville, salle des délibérations',
    days: 6,
    description: 'Session ordinaire du conseil communal, publique et retransmise en direct. Posez vos questions avant ou pendant la session.',
    agenda: ['Examen et vote du budget primitif de l’année prochaine', 'Plan annuel d’investissement', 'Questions diverses'],
    summary: null,
    youtube: 'cPlusDemo01',
    questions: [{ text: 'Le budget prévoit-il des latrines dans les écoles primaires publiques ?', answer: null, answered: false }],
  },
];

const DEBATES: { title: string; body: string; closed: boolean; days: number; comments: { text: string; official: boolean; replyTo?: number }[] }[] = [
  {
    title: 'Stationnement et circulation autour du marché central',
    body:
      'Les abords du marché central sont saturés les jours de marché : motos et voitures stationnent sur la chaussée, les piétons marchent sur la route. ' +
      'La commune envisage un parking payant, des zones de livraison et une rue piétonne. Qu’en pensez-vous ? Quelles solutions proposez-vous ?',
    closed: false,
    days: 10,
    comments: [
      { text: 'Un parking payant, oui, mais à un prix raisonnable pour les revendeuses qui viennent chaque jour.', official: false },
      { text: 'Le tarif envisagé est de 100 F la journée pour les motos, avec un abonnement mensuel pour les commerçantes du marché.', official: true, replyTo: 0 },
      { text: 'Il faudrait aussi des zémidjans autorisés à un seul endroit, pour éviter les embouteillages devant l’entrée.', official: false },
    ],
  },
  {
    title: 'Horaires d’ouverture de la mairie le samedi',
    body: 'Beaucoup d’habitants travaillent en semaine. Faut-il ouvrir le service d’état civil le samedi matin ?',
    closed: true,
    days: 45,
    comments: [
      { text: 'Oui, le samedi matin serait très utile pour les actes de naissance.', official: false },
      { text: 'Merci pour vos avis : l’état civil est ouvert le samedi de 8 h à 12 h depuis le 1er du mois.', official: true, replyTo: 0 },
    ],
  },
];

/**
 * Council and accountability sessions (two held with their summary and answered questions, one
 * coming with its agenda and a stream link) and two debates (one open, one closed, with the
 * commune's official answers) for each pilot commune, once (a commune with sessions is left
 * alone). Questions and comments come from the demo citizen, official answers from the
 * commune's demo admin (else without an author).
 */
export async function seedDemoSessions(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    const citizen = (await client.query<{ id: string }>('select id from users where email = $1', [DEMO_CITIZEN])).rows[0]?.id ?? null;
    for (const slug of PILOTS) {
      const commune = (await client.query<{ id: string }>('select id from communes where slug = $1', [slug])).rows[0];
      if (!commune) continue;
      const admin = (await client.query<{ id: string }>('select id from users where email = $1', [`admin@${slug}.demo.communes.bj`])).rows[0]?.id ?? null;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true), set_config('app.user_id', $2, true)`, [
          commune.id,
          admin ?? citizen ?? '00000000-0000-4000-8000-000000000000',
        ]);
        if ((await client.query('select 1 from council_sessions where commune_id = $1 limit 1', [commune.id])).rowCount === 0) {
          for (const item of SESSIONS) {
            created += await insertSession(client, commune.id, item, citizen, admin);
          }
          for (const item of DEBATES) {
            created += await insertDebate(client, commune.id, item, citizen, admin);
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

async function insertSession(client: Client, communeId: string, item: DemoSession, citizen: string | null, admin: string | null): Promise<number> {
  const starts = new Date(Date.now() + item.days * DAY);
  starts.setUTCHours(8, 0, 0, 0);
  const held = item.days < 0;
  const ends = new Date(starts.getTime() + 4 * 3_600_000);
  const streamUrl = item.youtube ? `https://www.youtube.com/watch?v=${item.youtube}` : null;
  const embedUrl = item.youtube ? `https://www.youtube-nocookie.com/embed/${item.youtube}` : null;
  const session = await client.query<{ id: string }>(
    `insert into council_sessions (commune_id, kind, session_type, title, description, place, starts_at, ends_at, stream_url, stream_embed_url, stream_kind,
       status, published_at, live_at, ended_at, summary, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10, $11, $12, $13::timestamptz, $14::timestamptz, $15::timestamptz, $16, $17, $13::timestamptz, now())
     returning id`,
    [
      communeId, item.kind, item.sessionType, item.title(starts.getUTCFullYear()), item.description, item.place, starts, ends,
      streamUrl, embedUrl, item.youtube ? 'youtube' : null, held ? 'ended' : 'scheduled', new Date(starts.getTime() - 20 * DAY),
      held ? starts : null, held ? ends : null, item.summary, admin,
    ],
  );
  const id = session.rows[0].id;
  for (const [index, title] of item.agenda.entries()) {
    await client.query(`insert into council_session_agenda_items (commune_id, session_id, position, title) values ($1, $2, $3, $4)`, [communeId, id, index + 1, title]);
  }
  if (citizen) {
    for (const [index, question] of item.questions.entries()) {
      const asked = new Date(starts.getTime() - (5 - index) * DAY);
      await client.query(
        `insert into council_session_questions (commune_id, session_id, author_id, text, answer, answered_at, answered_by, created_at)
         values ($1, $2, $3, $4, $5, $6::timestamptz, $7, $8::timestamptz)`,
        [communeId, id, citizen, question.text, question.answer, question.answered ? new Date(starts.getTime() + 3 * 3_600_000) : null, question.answered ? admin : null, asked],
      );
    }
  }
  await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `session:${id}`]);
  return 1;
}

async function insertDebate(
  client: Client,
  communeId: string,
  item: (typeof DEBATES)[number],
  citizen: string | null,
  admin: string | null,
): Promise<number> {
  const opened = new Date(Date.now() - item.days * DAY);
  const topic = await client.query<{ id: string }>(
    `insert into debate_topics (commune_id, title, body, state, opened_at, closed_at, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $5::timestamptz, now()) returning id`,
    [communeId, item.title, item.body, item.closed ? 'closed' : 'open', opened, item.closed ? new Date(opened.getTime() + 20 * DAY) : null, admin],
  );
  const ids: string[] = [];
  for (const [index, comment] of item.comments.entries()) {
    const author = comment.official ? admin : citizen;
    if (!author) continue;
    const row = await client.query<{ id: string }>(
      `insert into debate_comments (commune_id, topic_id, parent_id, author_id, body, is_official, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::timestamptz) returning id`,
      [communeId, topic.rows[0].id, comment.replyTo === undefined ? null : (ids[comment.replyTo] ?? null), author, comment.text, comment.official, new Date(opened.getTime() + (index + 1) * DAY)],
    );
    ids[index] = row.rows[0].id;
  }
  await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `debate:${topic.rows[0].id}`]);
  return 1;
}
