import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { DOCUMENT_CATEGORY_LABELS_FR } from '@communes/shared-contracts';
import { log } from './harness';

/**
 * Synthetic published records for the search benchmark, written straight into `search_records`
 * by the superuser (as the outbox worker would, without the HTTP and JSON round trips): one
 * `insert … select generate_series` per chunk, every field drawn from French vocabulary by a
 * hash of the row number, so a run is reproducible and the tsvector and trigram indexes see
 * realistic words, lengths and frequencies.
 */

/** Villages and quarters (arrondissements) of Benin, accents included (unaccent has work to do). */
const VILLAGES = [
  'Zogbo', 'Agla', 'Fidjrossè', 'Godomey', 'Togba', 'Ouèdo', 'Kpanroun', 'Zinvié', 'Glo-Djigbé', 'Hêvié',
  'Akassato', 'Ahozon', 'Ekpè', 'Djèrègbé', 'Avrankou', 'Kouti', 'Houègbo', 'Sékou', 'Attogon', 'Lokossa',
  'Dogbo', 'Sèhouè', 'Covè', 'Zagnanado', 'Tchaourou', 'Nikki', 'Kalalé', 'Bembèrèkè', 'Gogounou', 'Banikoara',
  'Malanville', 'Karimama', 'Tanguiéta', 'Boukoumbé', 'Copargo', 'Glazoué', 'Ouèssè', 'Kétou', 'Pobè', 'Sakété',
  'Ifangni', 'Dangbo', 'Adjohoun', 'Bonou', 'Aplahoué', 'Klouékanmè', 'Djakotomey', 'Comè', 'Athiémé', 'Houéyogbé',
  'Kpomassè', 'Djidja', 'Zogbodomey', 'Agbangnizoun', 'Akpakpa', 'Cadjèhoun', 'Gbégamey', 'Vèdoko', 'Sainte-Rita', 'Dantokpa',
  'Houéyiho', 'Agontinkon', 'Missérété', 'Vakon', 'Katagon', 'Gbodjè', 'Azowlissè', 'Sèdjè-Dénou', 'Kpédékpo', 'Tohouè',
  'Lonkly', 'Dékanmè', 'Massi', 'Sinwé', 'Gounli', 'Bétérou', 'Kika', 'Guessou-Sud', 'Soroko', 'Founougo',
];

/** `category|title` of works, goods and services (contracts) and investment lines; {v}, {w}: villages. */
const PROJECTS = [
  "works|Construction d'un module de trois classes à l'EPP de {v}",
  "works|Construction d'un module de trois classes avec bureau et magasin au CEG de {v}",
  'works|Réhabilitation du marché de {v}',
  'works|Construction de latrines publiques au marché de {v}',
  "works|Réalisation d'un forage équipé de pompe à motricité humaine à {v}",
  "works|Extension du réseau d'adduction d'eau villageoise de {v}",
  'works|Aménagement de la piste rurale {v}–{w}',
  'works|Entretien des pistes rurales de l’arrondissement de {v}',
  "works|Construction d'un centre de santé à {v}",
  'works|Réhabilitation de la maternité de {v}',
  'goods|Fourniture de tables-bancs aux écoles primaires de {v}',
  'works|Électrification du quartier {v}',
  'goods|Acquisition et installation de lampadaires solaires à {v}',
  'works|Pavage des rues de {v}',
  'services|Curage des caniveaux de {v}',
  "works|Construction d'un dalot sur la voie {v}–{w}",
  'works|Construction de la clôture de la mairie',
  "goods|Acquisition d'un véhicule de liaison pour la mairie",
  'services|Collecte et évacuation des déchets solides ménagers à {v}',
  "works|Construction d'un magasin de stockage de produits vivriers à {v}",
  "works|Réhabilitation du collège d'enseignement général de {v}",
  "services|Étude de faisabilité de l'aménagement du bas-fond de {v}",
  'goods|Fourniture de matériel informatique au service de l’état civil',
  "services|Contrôle et surveillance des travaux de construction de l'EPP de {v}",
];

/** `direction|label` of operating budget lines (recettes and dépenses de fonctionnement). */
const OPERATING_LINES = [
  'depense|Salaires et indemnités du personnel communal',
  'depense|Fournitures de bureau',
  'depense|Carburant et lubrifiants',
  'depense|Entretien des bâtiments administratifs',
  'depense|Frais de mission et de déplacement',
  'depense|Entretien des pistes rurales',
  'depense|Éclairage public et consommation d’électricité',
  'depense|Frais de télécommunication',
  'depense|Subventions aux associations de développement',
  'depense|Indemnités des élus et frais de fonctionnement du conseil communal',
  'depense|Contribution à l’Association nationale des communes du Bénin',
  'recette|Taxe de développement local',
  'recette|Taxe sur le foncier bâti',
  'recette|Taxe professionnelle synthétique',
  'recette|Recettes des marchés et gares routières',
  'recette|Droits de stationnement',
  'recette|Taxe sur la publicité',
  'recette|Transfert FADeC non affecté',
  'recette|Produits de l’état civil et légalisations',
  'recette|Redevance sur les ressources halieutiques',
];

/** `category|title` of documents; {y}: fiscal year, {v}: village. */
const DOCUMENT_TITLES = [
  'budget_primitif|Budget primitif {y}',
  'budget_collectif|Budget collectif {y}',
  'compte_administratif|Compte administratif {y}',
  'compte_de_gestion|Compte de gestion {y}',
  'plan_developpement_communal|Plan de développement communal de troisième génération',
  "plan_annuel_investissement|Plan annuel d'investissement {y}",
  'plan_travail_annuel|Plan de travail annuel {y}',
  'plan_passation_marches|Plan de passation des marchés publics {y}',
  'deliberation|Délibération portant adoption du budget primitif {y}',
  'deliberation|Délibération portant création du marché de {v}',
  'proces_verbal_session|Procès-verbal de la session ordinaire du conseil communal',
  'arrete|Arrêté portant nomination des chefs de village de {v}',
  'arrete|Arrêté portant réglementation de la circulation au marché de {v}',
  'rapport_reddition_comptes|Rapport de reddition de comptes {y}',
  'autre|Rapport d’activités du service technique {y}',
];

/** Text of documents (what PDF extraction gives): {c} commune, {y} year, {v} village, {p} project. */
const SENTENCES = [
  'Le conseil communal de {c}, réuni en session ordinaire, a examiné et adopté le présent document.',
  "Les recettes de fonctionnement de l'exercice {y} sont en hausse par rapport aux prévisions.",
  "Les dépenses d'investissement portent principalement sur les écoles, les marchés et l'assainissement.",
  'Le taux d’exécution du budget au 31 décembre {y} est jugé satisfaisant par la tutelle.',
  'La commune a bénéficié des transferts du Fonds d’appui au développement des communes (FADeC).',
  'Le projet « {p} » est inscrit au plan annuel d’investissement.',
  'Les travaux de {p} ont été réceptionnés provisoirement.',
  'Les populations de {v} ont été consultées lors de la séance de reddition de comptes.',
  'Le maire rend compte de la gestion des ressources de la commune aux citoyens.',
  'Le receveur-percepteur certifie la conformité des écritures du compte de gestion.',
  'La mobilisation des ressources propres reste un défi pour la commune de {c}.',
  'Les chefs d’arrondissement ont présenté l’état d’avancement des projets de leurs localités.',
  'Le budget est équilibré en recettes et en dépenses.',
  'La personne responsable des marchés publics a présenté le plan de passation des marchés.',
  'Les marchés ont été attribués après appel d’offres ouvert et avis de la commission de contrôle.',
  'Le secrétaire général de la mairie assure le suivi de l’exécution des délibérations.',
  'La session a enregistré la présence de la majorité des conseillers communaux.',
  'Les partenaires techniques et financiers accompagnent la commune dans la mise en œuvre du PDC.',
  "L'hygiène et l'assainissement du cadre de vie sont une priorité de la mandature.",
  'Le conseil a autorisé le maire à signer les contrats de délégation de gestion des marchés.',
  'Les frais de scolarité dans les écoles primaires publiques sont supprimés depuis plusieurs années.',
  'La construction des modules de classes vise à réduire les effectifs pléthoriques.',
  'La couverture en eau potable de l’arrondissement de {v} progresse.',
  'Des lampadaires solaires ont été installés sur les principaux axes de {v}.',
];

/** Awardees (attributaires) of contracts. */
const AWARDEES = [
  'Entreprise Houénou & Fils SARL', 'Société Béninoise de Travaux Publics (SBTP)', 'Ets Adjovi et Frères',
  'Groupement Dossou-Gbété BTP', 'Entreprise Agossou Construction', 'Ets Kpadonou Services', 'SOBETRA SA',
  'Entreprise Zinsou Bâtiment', "Cabinet d'études Akplogan", 'Ets Gbaguidi Fournitures', 'Entreprise Tchaou & Associés',
  'Ets Ahouansou Équipements', 'Coopérative des artisans de Bohicon', 'Entreprise Sossou Hydraulique',
  'Société Hounkpè Électricité', 'Ets Dah-Kindji Mobilier', 'Entreprise Yessoufou & Cie', 'Ets Bio Guéra Services',
  'Groupement Orou Bata – Sabi Gounou', 'Entreprise Djossou Génie Civil', 'Ets Codjia Informatique', 'Entreprise Assogba Pavage',
];
const METHODS = ["Appel d'offres ouvert", 'Demande de cotation', 'Demande de renseignements et de prix', 'Gré à gré'];
const FUNDING = ['FADeC investissement', 'FADeC affecté santé', 'Budget communal', 'Banque mondiale (PACOFIDE)', 'Coopération suisse', 'Union européenne'];
const SESSION_TITLES = [
  'Session ordinaire du conseil communal, {n}e trimestre {y}',
  'Session extraordinaire du conseil communal sur le budget collectif {y}',
  'Séance publique de reddition de comptes à {v}',
];
const AGENDA_TITLES = [
  'Audience publique du maire à {v}',
  'Lancement des travaux : {p}',
  'Journée de salubrité à {v}',
  'Réunion du comité de suivi du plan de développement communal',
  'Remise de tables-bancs aux écoles de {v}',
];

/** Names of the synthetic communes: prefix + suffix + quarter, 960 distinct names. */
const NAME_PREFIXES = ['Agbo', 'Dan', 'Houn', 'Kpo', 'Lo', 'Zè', 'Tohou', 'Ako', 'Gbé', 'Ouè', 'Zan', 'Djè', 'Ko', 'Sè', 'Ahou', 'Adjo', 'Bo', 'Dé', 'Glo', 'Hè'];
const NAME_SUFFIXES = ['mè', 'gbé', 'kpa', 'dji', 'nou', 'ta', 'houé', 'sa', 'koué', 'dé', 'tin', 'zoun'];
const NAME_QUARTERS = ['', '-Centre', '-Kpota', '-Plage'];
const DEPARTMENTS = ['Alibori', 'Atacora', 'Atlantique', 'Borgou', 'Collines', 'Couffo', 'Donga', 'Littoral', 'Mono', 'Ouémé', 'Plateau', 'Zou'];

/** Share of records per kind, in percent: budget lines dominate, as in real open budgets. */
const KIND_SHARES = { budget_line: 45, contract: 25, document: 22, session: 4, agenda_event: 4 } as const;
const INSERT_CHUNK = 100_000;

/** Adds synthetic communes (realistic names, the 12 departments) until `target` exist. */
export async function topUpCommunes(db: Client, target: number): Promise<number> {
  const before = await count(db, 'communes');
  const started = performance.now();
  // Candidate names in a fixed order; the few that are real communes already seeded are skipped.
  await db.query(
    `insert into communes (slug, name, department)
     select n.slug, n.name, ($3::text[])[1 + n.i % 12]
     from (select i, name, lower(regexp_replace(immutable_unaccent(name), '[^A-Za-z0-9]+', '-', 'g')) as slug
           from generate_series(0, $1::int - 1) as i
           cross join lateral (select ($4::text[])[1 + i % 20] || ($5::text[])[1 + (i / 20) % 12] || ($6::text[])[1 + (i / 240) % 4] as name) x) n
     where not exists (select 1 from communes c where c.slug = n.slug)
     order by n.i
     limit $2`,
    [NAME_PREFIXES.length * NAME_SUFFIXES.length * NAME_QUARTERS.length, Math.max(0, target - before), DEPARTMENTS, NAME_PREFIXES, NAME_SUFFIXES, NAME_QUARTERS],
  );
  await db.query('analyze communes');
  const after = await count(db, 'communes');
  if (after !== target) throw new Error(`expected ${target} communes, found ${after} (a synthetic name clashed)`);
  log(`inserted ${after - before} synthetic communes in ${Math.round(performance.now() - started)} ms: ${after} present`);
  return after;
}

/**
 * Fills `search_records` up to `target` rows (numbered from the current count, so 100,000 then
 * 1,000,000 reuses the first 100,000), then `vacuum analyze`: statistics for the planner and the
 * GIN pending lists merged, the steady state that autovacuum reaches in production.
 */
export async function fillSearchRecords(db: Client, target: number): Promise<void> {
  const before = await count(db, 'search_records');
  const started = performance.now();
  await db.query(
    `create temp table if not exists bench_communes as
     select row_number() over (order by slug) as n, id, slug, name, department from communes`,
  );
  const communes = await count(db, 'bench_communes');
  // Deterministic "random" choices: a hash of (row, salt). SQL functions, inlined by the planner.
  await db.query(
    `create or replace function pg_temp.rnd(i bigint, salt int) returns double precision
       language sql immutable as $$ select (hashint8(i * 1000 + salt)::bigint + 2147483648) / 4294967296.0 $$`,
  );
  await db.query(
    `create or replace function pg_temp.pick(words text[], i bigint, salt int) returns text
       language sql immutable as $$ select words[1 + floor(pg_temp.rnd(i, salt) * cardinality(words))::int] $$`,
  );
  const vocabulary = {
    villages: VILLAGES,
    projects: PROJECTS,
    operating: OPERATING_LINES,
    documents: DOCUMENT_TITLES.map((entry) => {
      const [category, title] = entry.split('|');
      return `${category}|${title}|${DOCUMENT_CATEGORY_LABELS_FR[category as keyof typeof DOCUMENT_CATEGORY_LABELS_FR]}`;
    }),
    sentences: SENTENCES,
    awardees: AWARDEES,
    methods: METHODS,
    funding: FUNDING,
    sessions: SESSION_TITLES,
    agenda: AGENDA_TITLES,
  };
  const names = Object.keys(vocabulary) as (keyof typeof vocabulary)[];
  const v = (name: keyof typeof vocabulary) => `$${3 + names.indexOf(name)}::text[]`;
  const shares = KIND_SHARES;
  const sql = `
    insert into search_records (id, kind, commune_id, commune_slug, commune_name, department, title, body,
                                category, fiscal_year, amount, record_date, url, content_hash)
    select k.kind || ':' || k.uuid, k.kind, c.id, c.slug, c.name, c.department, r.title, r.body,
           r.category, k.year, r.amount, r.day, '/communes/' || c.slug || '/' || k.kind || '/' || k.uuid, md5(k.uuid)
    from generate_series($1::bigint, $2::bigint) as g(i)
    join bench_communes c on c.n = 1 + floor(pg_temp.rnd(g.i, 1) * ${communes})::int
    cross join lateral (select
        case when pg_temp.rnd(g.i, 2) * 100 < ${shares.budget_line} then 'budget_line'
             when pg_temp.rnd(g.i, 2) * 100 < ${shares.budget_line + shares.contract} then 'contract'
             when pg_temp.rnd(g.i, 2) * 100 < ${shares.budget_line + shares.contract + shares.document} then 'document'
             when pg_temp.rnd(g.i, 2) * 100 < ${100 - shares.agenda_event} then 'session'
             else 'agenda_event' end as kind,
        md5('bench-' || g.i)::uuid::text as uuid,
        2019 + floor(pg_temp.rnd(g.i, 3) * 7)::int as year,
        pg_temp.pick(${v('villages')}, g.i, 4) as village,
        pg_temp.pick(${v('villages')}, g.i, 5) as village2,
        pg_temp.pick(${v('projects')}, g.i, 6) as project,
        pg_temp.pick(${v('operating')}, g.i, 7) as operating,
        pg_temp.pick(${v('documents')}, g.i, 8) as document,
        pg_temp.rnd(g.i, 9) as u) k
    cross join lateral (select
        replace(replace(split_part(k.project, '|', 2), '{v}', k.village), '{w}', k.village2) as project_title,
        (k.year::text || '-01-01')::date + floor(pg_temp.rnd(g.i, 21) * 365)::int as date) p
    cross join lateral (select
        case k.kind
          when 'budget_line' then case when k.u < 0.55 then split_part(k.operating, '|', 2) else p.project_title end
          when 'contract' then p.project_title
          when 'document' then replace(replace(split_part(k.document, '|', 2), '{y}', k.year::text), '{v}', k.village)
          when 'session' then replace(replace(replace(pg_temp.pick(${v('sessions')}, g.i, 10), '{n}', (1 + floor(k.u * 4))::text), '{y}', k.year::text), '{v}', k.village)
          else replace(replace(pg_temp.pick(${v('agenda')}, g.i, 11), '{v}', k.village), '{p}', p.project_title) end as title,
        case k.kind
          when 'budget_line' then 'Budget ' || (array['primitif', 'collectif', 'exécuté'])[1 + floor(pg_temp.rnd(g.i, 12) * 3)::int]
            || ' ' || k.year || ', section ' || case when k.u < 0.55 then 'fonctionnement, ' || replace(split_part(k.operating, '|', 1), 'depense', 'dépense')
            else 'investissement, dépense' end || ', compte ' || (6000 + floor(pg_temp.rnd(g.i, 13) * 3000)::int) || '.'
          when 'contract' then 'Marché n° ' || k.year || '/' || lpad((1 + floor(pg_temp.rnd(g.i, 14) * 300)::int)::text, 3, '0')
            || '/M' || upper(left(c.slug, 2)) || '/SG/PRMP. Attributaire : ' || pg_temp.pick(${v('awardees')}, g.i, 15)
            || '. ' || pg_temp.pick(${v('methods')}, g.i, 16) || '. Financement : ' || pg_temp.pick(${v('funding')}, g.i, 17) || '.'
          when 'document' then split_part(k.document, '|', 3) || E'\\n' || (
            -- 4 to 12 sentences; one document in 50 is long (~150 sentences, ~20 kB), like a full budget.
            select string_agg(replace(replace(replace(replace(pg_temp.pick(${v('sentences')}, g.i, 100 + s), '{c}', c.name),
                     '{y}', k.year::text), '{v}', k.village), '{p}', p.project_title), ' ')
            from generate_series(1, case when pg_temp.rnd(g.i, 18) < 0.02 then 150 else 4 + floor(pg_temp.rnd(g.i, 19) * 9)::int end) as s)
          when 'session' then 'Ordre du jour : examen du budget ' || k.year || ' ; point d’exécution du projet « '
            || p.project_title || ' » ; questions des citoyens ; divers.'
          else 'Organisé par la mairie de ' || c.name || ' à ' || k.village || '.' end as body,
        case k.kind
          when 'budget_line' then case when k.u < 0.55 then 'fonctionnement' else 'investissement' end
          when 'contract' then split_part(k.project, '|', 1)
          when 'document' then split_part(k.document, '|', 1)
          when 'session' then case when k.u < 0.8 then 'ordinaire' else 'extraordinaire' end
          else null end as category,
        case k.kind
          -- XOF, whole thousands, log-uniform: 2 M to 500 M for contracts, 100 k to 900 M for lines.
          when 'contract' then round(exp(ln(2e6) + pg_temp.rnd(g.i, 20) * (ln(5e8) - ln(2e6))) / 1000)::bigint * 1000
          when 'budget_line' then round(exp(ln(1e5) + pg_temp.rnd(g.i, 20) * (ln(9e8) - ln(1e5))) / 1000)::bigint * 1000
          else null end as amount,
        to_char(p.date, 'YYYY-MM-DD') as day) r`;
  for (let from = before + 1; from <= target; from += INSERT_CHUNK) {
    const to = Math.min(target, from + INSERT_CHUNK - 1);
    const chunkStarted = performance.now();
    await db.query(sql, [from, to, ...names.map((name) => vocabulary[name])]);
    log(`  search_records ${from}–${to} inserted in ${Math.round(performance.now() - chunkStarted)} ms`);
  }
  const vacuumStarted = performance.now();
  await db.query('vacuum analyze search_records');
  // Write the loaded pages out now rather than during the measurements.
  await db.query('checkpoint');
  const size = await db.query<{ table_size: string; index_size: string }>(
    `select pg_size_pretty(pg_table_size('search_records')) as table_size, pg_size_pretty(pg_indexes_size('search_records')) as index_size`,
  );
  log(
    `search_records: ${await count(db, 'search_records')} rows in ${Math.round((performance.now() - started) / 1000)} s ` +
      `(vacuum analyze and checkpoint ${Math.round((performance.now() - vacuumStarted) / 1000)} s); table ${size.rows[0].table_size}, indexes ${size.rows[0].index_size}`,
  );
}

async function count(db: Client, table: 'communes' | 'search_records' | 'bench_communes'): Promise<number> {
  const result = await db.query<{ count: string }>(`select count(*) as count from ${table}`);
  return Number(result.rows[0].count);
}
