import { Client } from 'pg';
import type { BudgetDirection, BudgetSection, BudgetStage } from '@communes/shared-contracts';
import { BUDGET_LINE_SEARCH_ID_SQL } from '@communes/api-finance';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];

/**
 * Publishes realistic budgets for the pilot communes, once (a commune that already has budgets
 * is left alone): 2024 budget primitif and its execution (compte administratif), 2025 budget
 * primitif, a few hundred lines each in the communal budget nomenclature, amounts scaled by
 * population. Deterministic: the same figures on every machine. Written as the app would:
 * draft, lines, totals, then published, with the search outbox fed in the same transaction.
 */
export async function seedDemoBudgets(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    for (const slug of PILOTS) {
      const found = await client.query<DemoCommune>('select id, slug, name, population from communes where slug = $1', [slug]);
      const commune = found.rows[0];
      if (!commune) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [commune.id]);
        const existing = await client.query('select 1 from budgets where commune_id = $1 limit 1', [commune.id]);
        if (existing.rowCount === 0) {
          for (const budget of demoBudgetsFor(commune)) {
            await insertPublishedBudget(client, commune.id, budget);
            created += 1;
          }
          await client.query(
            `insert into search_outbox (commune_id, record_id)
             select l.commune_id, ${BUDGET_LINE_SEARCH_ID_SQL} from budget_lines l where l.commune_id = $1`,
            [commune.id],
          );
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

interface DemoCommune {
  id: string;
  slug: string;
  name: string;
  population: number | null;
}

interface DemoLine {
  section: BudgetSection;
  direction: BudgetDirection;
  code: string;
  label: string;
  amount: number;
}

export interface DemoBudget {
  fiscalYear: number;
  stage: BudgetStage;
  publishedAt: string;
  lines: DemoLine[];
}

async function insertPublishedBudget(client: Client, communeId: string, budget: DemoBudget): Promise<void> {
  // Lines only go into a draft (a trigger checks it), as when the app commits an import.
  const inserted = await client.query<{ id: string }>(
    `insert into budgets (commune_id, fiscal_year, stage) values ($1, $2, $3) returning id`,
    [communeId, budget.fiscalYear, budget.stage],
  );
  const budgetId = inserted.rows[0].id;
  const lines = budget.lines;
  await client.query(
    `insert into budget_lines (commune_id, budget_id, line_number, section, direction, code, label, amount)
     select $1, $2, t.* from unnest($3::integer[], $4::budget_section[], $5::budget_direction[], $6::text[], $7::text[], $8::bigint[]) as t`,
    [
      communeId,
      budgetId,
      lines.map((_, index) => index + 1),
      lines.map((line) => line.section),
      lines.map((line) => line.direction),
      lines.map((line) => line.code),
      lines.map((line) => line.label),
      lines.map((line) => String(line.amount)),
    ],
  );
  const total = (section: BudgetSection, direction: BudgetDirection) =>
    String(lines.filter((line) => line.section === section && line.direction === direction).reduce((sum, line) => sum + BigInt(line.amount), 0n));
  await client.query(
    `update budgets set line_count = $3, fonctionnement_recette = $4, fonctionnement_depense = $5,
                        investissement_recette = $6, investissement_depense = $7, updated_at = now()
     where commune_id = $1 and id = $2`,
    [communeId, budgetId, lines.length, total('fonctionnement', 'recette'), total('fonctionnement', 'depense'), total('investissement', 'recette'), total('investissement', 'depense')],
  );
  await client.query(`update budgets set state = 'published', published_at = $3 where commune_id = $1 and id = $2`, [communeId, budgetId, budget.publishedAt]);
}

// ---- The figures ------------------------------------------------------------------------------

/** Resources per inhabitant (FCFA): Cotonou's tax base is far larger than a rural commune's. */
const PER_INHABITANT: Readonly<Record<string, number>> = { cotonou: 46_000, 'abomey-calavi': 17_000, 'akpro-misserete': 11_000 };

/** Arrondissements (and, for Cotonou, quartiers) where projects and services are located. */
const LOCALITIES: Readonly<Record<string, readonly string[]>> = {
  cotonou: [
    ...Array.from({ length: 13 }, (_, i) => `${i + 1}${i === 0 ? 'er' : 'e'} arrondissement`),
    'Akpakpa',
    'Sainte-Rita',
    'Zogbo',
    'Fidjrossè',
    'Agla',
    'Cadjèhoun',
    'Gbégamey',
    'Vêdoko',
    'Ménontin',
    'Houéyiho',
    'Ladji',
    'Avotrou',
  ],
  'abomey-calavi': ['Abomey-Calavi', 'Akassato', 'Godomey', 'Glo-Djigbé', 'Hêvié', 'Kpanroun', 'Ouèdo', 'Togba', 'Zinvié', 'Tankpè', 'Togoudo', 'Cocotomey', 'Womey', 'Zopah'],
  'akpro-misserete': ['Akpro-Missérété', 'Gomè-Sota', 'Katagon', 'Vakon', 'Zoungbomè', 'Akpro-Missérété centre', 'Vakon-Gbéto', 'Katagon-Houézounmè'],
};

const MARKETS: Readonly<Record<string, readonly string[]>> = {
  cotonou: ['Dantokpa', 'Gbégamey', 'Saint-Michel', 'Ganhi', 'Vêdoko', 'Fifadji', 'Cadjèhoun', 'Midombo', 'Houéyiho', 'Akpakpa-Dodomè'],
  'abomey-calavi': ['Calavi-Kpota', 'Godomey', 'Akassato', 'Glo-Djigbé', 'Zinvié', 'Hêvié', 'Ouèdo'],
  'akpro-misserete': ['Akpro-Missérété', 'Gomè-Sota', 'Katagon', 'Vakon', 'Zoungbomè'],
};

interface Account {
  code: string;
  label: string;
  /** Share of its section and direction (relative weight). */
  weight: number;
}

// Fonctionnement, recettes: produits de l'exploitation (70), impôts et taxes (71), dotations et
// subventions (74), autres produits (75, 77). Market fees are detailed per market.
const FONCTIONNEMENT_RECETTES: readonly Account[] = [
  { code: '7011', label: 'Frais d’établissement des actes d’état civil', weight: 1.2 },
  { code: '7012', label: 'Légalisations et certifications de documents', weight: 0.8 },
  { code: '7013', label: 'Droits de stationnement des véhicules et taxis-motos', weight: 1.5 },
  { code: '7014', label: 'Redevance d’enlèvement des ordures ménagères', weight: 1.4 },
  { code: '7015', label: 'Location de salles, bâches et chaises de la mairie', weight: 0.3 },
  { code: '7016', label: 'Produits des cimetières et concessions funéraires', weight: 0.3 },
  { code: '7018', label: 'Droits de fourrière', weight: 0.2 },
  { code: '7111', label: 'Taxe foncière unique (TFU)', weight: 16 },
  { code: '7112', label: 'Taxe professionnelle unique (TPU)', weight: 12 },
  { code: '7113', label: 'Patentes et licences', weight: 5 },
  { code: '7121', label: 'Taxe de développement local (TDL)', weight: 2.5 },
  { code: '7131', label: 'Taxe sur la publicité et les panneaux publicitaires', weight: 1.8 },
  { code: '7132', label: 'Taxe sur les spectacles, jeux et divertissements', weight: 0.4 },
  { code: '7133', label: 'Taxe sur les armes à feu', weight: 0.05 },
  { code: '7134', label: 'Taxe sur les véhicules à moteur (TVM), part communale', weight: 3 },
  { code: '7135', label: 'Taxe sur l’exploitation des carrières et le transport des produits de carrière', weight: 0.8 },
  { code: '7411', label: 'FADeC non affecté — fonctionnement', weight: 5 },
  { code: '7412', label: 'FADeC affecté — entretien des infrastructures scolaires et sanitaires', weight: 2 },
  { code: '7421', label: 'Subvention de l’État pour la prise en charge des agents', weight: 1 },
  { code: '7431', label: 'Appui des partenaires techniques et financiers au fonctionnement', weight: 0.8 },
  { code: '7511', label: 'Revenus des immeubles et des boutiques communales', weight: 1.5 },
  { code: '7521', label: 'Produits divers de gestion courante', weight: 0.4 },
  { code: '7711', label: 'Pénalités de recouvrement et amendes', weight: 0.3 },
];

// Fonctionnement, dépenses: achats (60), services extérieurs (61, 62), charges de personnel (66),
// autres charges (65), frais financiers (67); the offices of each arrondissement are detailed.
const FONCTIONNEMENT_DEPENSES: readonly Account[] = [
  { code: '6011', label: 'Fournitures de bureau de la mairie centrale', weight: 1 },
  { code: '6012', label: 'Consommables informatiques', weight: 0.6 },
  { code: '6013', label: 'Registres et imprimés d’état civil', weight: 0.5 },
  { code: '6021', label: 'Carburant et lubrifiants des véhicules de service', weight: 2.2 },
  { code: '6031', label: 'Produits d’entretien des bâtiments communaux', weight: 0.4 },
  { code: '6041', label: 'Eau de la mairie centrale', weight: 0.3 },
  { code: '6042', label: 'Électricité de la mairie centrale', weight: 1 },
  { code: '6043', label: 'Consommation de l’éclairage public', weight: 3 },
  { code: '6044', label: 'Téléphone et internet', weight: 0.6 },
  { code: '6111', label: 'Entretien et réparation des bâtiments administratifs', weight: 1.5 },
  { code: '6112', label: 'Entretien des voies urbaines et curage des caniveaux', weight: 4 },
  { code: '6113', label: 'Entretien du matériel roulant', weight: 1.2 },
  { code: '6114', label: 'Maintenance du réseau d’éclairage public', weight: 1.8 },
  { code: '6121', label: 'Pré-collecte et évacuation des déchets solides ménagers', weight: 5 },
  { code: '6131', label: 'Primes d’assurance des véhicules et des bâtiments', weight: 0.5 },
  { code: '6141', label: 'Études, audits et assistance technique', weight: 0.8 },
  { code: '6211', label: 'Frais de missions à l’intérieur du pays', weight: 0.8 },
  { code: '6221', label: 'Fêtes et cérémonies officielles', weight: 0.7 },
  { code: '6231', label: 'Frais de publicité, de publication et de reddition de comptes', weight: 0.4 },
  { code: '6241', label: 'Frais de sessions du conseil communal', weight: 0.6 },
  { code: '6251', label: 'Formation et renforcement des capacités du personnel', weight: 0.5 },
  { code: '6611', label: 'Salaires du personnel permanent', weight: 16 },
  { code: '6612', label: 'Salaires du personnel contractuel et des agents de collecte', weight: 5 },
  { code: '6613', label: 'Primes et indemnités du personnel', weight: 2.5 },
  { code: '6641', label: 'Cotisations sociales (CNSS) et patronales', weight: 3 },
  { code: '6651', label: 'Indemnités du maire, des adjoints et des conseillers', weight: 2.2 },
  { code: '6521', label: 'Subventions aux associations de développement et de jeunes', weight: 0.5 },
  { code: '6522', label: 'Contributions aux écoles et aux centres de santé', weight: 1 },
  { code: '6541', label: 'Secours et aides aux indigents', weight: 0.4 },
  { code: '6561', label: 'Cotisations à l’ANCB et aux associations de communes', weight: 0.2 },
  { code: '6711', label: 'Intérêts des emprunts', weight: 0.4 },
];

// Investissement, recettes: dotations et fonds (10), subventions d'équipement (13), emprunts (16).
const INVESTISSEMENT_RECETTES: readonly Account[] = [
  { code: '1011', label: 'FADeC non affecté — investissement', weight: 20 },
  { code: '1012', label: 'FADeC affecté — éducation (enseignement maternel et primaire)', weight: 9 },
  { code: '1013', label: 'FADeC affecté — santé', weight: 6 },
  { code: '1014', label: 'FADeC affecté — eau potable', weight: 5 },
  { code: '1015', label: 'FADeC affecté — pistes rurales', weight: 5 },
  { code: '1016', label: 'FADeC affecté — agriculture', weight: 2 },
  { code: '1311', label: 'Subventions d’équipement de l’État', weight: 5 },
  { code: '1321', label: 'Subventions des partenaires techniques et financiers', weight: 8 },
  { code: '1322', label: 'Coopération décentralisée', weight: 2 },
  { code: '1381', label: 'Participation des populations aux microprojets', weight: 1 },
  { code: '1611', label: 'Emprunt auprès des établissements de crédit', weight: 3 },
];

type ProjectTemplate = { code: string; label: (place: string) => string; weight: number };

/** Projects, one line per place (the immobilisations in progress, 23, and equipment, 21). */
const PROJECTS: readonly ProjectTemplate[] = [
  { code: '2313', label: (p) => `Construction d’un module de trois classes avec bureau et magasin à l’EPP ${de(p)}`, weight: 3 },
  { code: '2188', label: (p) => `Acquisition de tables-bancs pour les écoles ${de(p)}`, weight: 0.6 },
  { code: '2314', label: (p) => `Construction d’une maternité au centre de santé ${de(p)}`, weight: 2.5 },
  { code: '2315', label: (p) => `Aménagement et rechargement des pistes rurales ${de(p)}`, weight: 3 },
  { code: '2316', label: (p) => `Construction de hangars au marché ${de(p)}`, weight: 1.8 },
  { code: '2317', label: (p) => `Réalisation d’un forage équipé de pompe à motricité humaine ${at(p)}`, weight: 1.2 },
  { code: '2318', label: (p) => `Installation de lampadaires solaires ${at(p)}`, weight: 1 },
  { code: '2319', label: (p) => `Construction de caniveaux et ouvrages d’assainissement ${at(p)}`, weight: 2.2 },
  { code: '2321', label: (p) => `Construction de latrines publiques ${at(p)}`, weight: 0.5 },
];

const INVESTISSEMENT_FIXES: readonly Account[] = [
  { code: '2011', label: 'Actualisation du plan de développement communal (PDC)', weight: 0.8 },
  { code: '2012', label: 'Études techniques et contrôle des travaux', weight: 1.5 },
  { code: '2051', label: 'Logiciel de gestion de l’état civil et des recettes', weight: 0.6 },
  { code: '2111', label: 'Acquisition de terrains pour équipements publics', weight: 1.5 },
  { code: '2131', label: 'Réhabilitation de l’hôtel de ville', weight: 2.5 },
  { code: '2151', label: 'Matériel technique des services techniques', weight: 0.8 },
  { code: '2181', label: 'Acquisition de motos et d’un véhicule de liaison', weight: 1.5 },
  { code: '2183', label: 'Matériel informatique des services', weight: 0.8 },
  { code: '2184', label: 'Mobilier de bureau', weight: 0.5 },
  { code: '2322', label: 'Pavage de rues et voies secondaires', weight: 4 },
  { code: '2323', label: 'Construction d’un centre de tri et de regroupement des déchets', weight: 1.5 },
];

const VIREMENT_LABEL_DEPENSE = 'Virement à la section d’investissement';
const VIREMENT_LABEL_RECETTE = 'Virement de la section de fonctionnement';

/** The three budgets of a pilot commune. Deterministic: seeded by the commune's slug. */
export function demoBudgetsFor(commune: { slug: string; population: number | null }): DemoBudget[] {
  const resources = (commune.population ?? 150_000) * (PER_INHABITANT[commune.slug] ?? 12_000);
  const primitif2024 = primitif(commune.slug, 2024, resources);
  const primitif2025 = primitif(commune.slug, 2025, resources * 1.07);
  return [
    { fiscalYear: 2024, stage: 'primitif', publishedAt: '2024-01-22T09:00:00Z', lines: primitif2024 },
    { fiscalYear: 2024, stage: 'execute', publishedAt: '2025-06-27T09:00:00Z', lines: executed(commune.slug, primitif2024) },
    { fiscalYear: 2025, stage: 'primitif', publishedAt: '2025-01-20T09:00:00Z', lines: primitif2025 },
  ];
}

/**
 * A balanced budget primitif: fonctionnement recettes are spread over the accounts; a quarter
 * of them is transferred to investissement (virement); each side's dépenses add up exactly to
 * its recettes.
 */
function primitif(slug: string, fiscalYear: number, resources: number): DemoLine[] {
  const random = seededRandom(`${slug}:${fiscalYear}`);
  const localities = LOCALITIES[slug] ?? [slug];
  const markets = MARKETS[slug] ?? [slug];
  const fonctionnement = resources * 0.64;

  const recettesF: DemoLine[] = [
    ...spread(FONCTIONNEMENT_RECETTES, fonctionnement * 0.9, random).map((a) => line('fonctionnement', 'recette', a)),
    ...spread(
      markets.map((market) => ({ code: '7141', label: `Taxe sur les marchés et droits de place — marché ${de(market)}`, weight: 1 })),
      fonctionnement * 0.1,
      random,
    ).map((a) => line('fonctionnement', 'recette', a)),
  ];
  const totalF = sum(recettesF);
  const virement = roundThousands(totalF * 0.24);
  const offices = localities.flatMap((place) => [
    { code: '6011', label: `Fournitures de bureau — services ${de(place)}`, weight: 0.15 },
    { code: '6042', label: `Électricité et eau des bureaux ${de(place)}`, weight: 0.12 },
    { code: '6112', label: `Entretien courant des voies et caniveaux ${de(place)}`, weight: 0.4 },
    { code: '6121', label: `Salubrité et pré-collecte des déchets ${at(place)}`, weight: 0.3 },
  ]);
  const depensesF = [
    ...balanced([...FONCTIONNEMENT_DEPENSES, ...offices], totalF - virement, random).map((a) => line('fonctionnement', 'depense', a)),
    { section: 'fonctionnement' as const, direction: 'depense' as const, code: '023', label: VIREMENT_LABEL_DEPENSE, amount: virement },
  ];

  const recettesI = [
    ...spread(INVESTISSEMENT_RECETTES, resources * 0.36, random).map((a) => line('investissement', 'recette', a)),
    { section: 'investissement' as const, direction: 'recette' as const, code: '021', label: VIREMENT_LABEL_RECETTE, amount: virement },
  ];
  // Not every project in every place each year: about two thirds, chosen by the seed.
  const projects = localities.flatMap((place) => PROJECTS.filter(() => random() < 0.68).map((p) => ({ code: p.code, label: p.label(place), weight: p.weight })));
  const depensesI = balanced([...INVESTISSEMENT_FIXES, ...projects], sum(recettesI), random).map((a) => line('investissement', 'depense', a));

  return [...recettesF, ...depensesF, ...recettesI, ...depensesI];
}

/** The compte administratif: each line executed at 60–95 % (investissement lags behind). */
function executed(slug: string, lines: readonly DemoLine[]): DemoLine[] {
  const random = seededRandom(`${slug}:execute`);
  const virementRate = 0.7 + 0.2 * random(); // the same transfer, seen from both sections
  return lines.map((l) => {
    const [low, high] = l.section === 'investissement' ? [0.6, 0.85] : [0.75, 0.95];
    const rate = l.code === '023' || l.code === '021' ? virementRate : low + (high - low) * random();
    return { ...l, amount: Math.round(l.amount * rate) };
  });
}

/** Amounts for the accounts in proportion to their weights, ± 20 %, in thousands of francs. */
function spread(accounts: readonly Account[], total: number, random: () => number): (Account & { amount: number })[] {
  const weights = accounts.reduce((s, a) => s + a.weight, 0);
  return accounts.map((a) => ({ ...a, amount: roundThousands((total * a.weight * (0.8 + 0.4 * random())) / weights) }));
}

/** Like `spread`, with the last account taking the rounding so that the lines add up to `total` exactly. */
function balanced(accounts: readonly Account[], total: number, random: () => number): (Account & { amount: number })[] {
  const lines = spread(accounts, total, random);
  const scale = total / lines.reduce((s, l) => s + l.amount, 0);
  for (const l of lines) l.amount = roundThousands(l.amount * scale);
  const last = lines[lines.length - 1];
  last.amount += total - lines.reduce((s, l) => s + l.amount, 0);
  return lines;
}

function line(section: BudgetSection, direction: BudgetDirection, account: Account & { amount: number }): DemoLine {
  return { section, direction, code: account.code, label: account.label, amount: account.amount };
}

/** French elision and contraction: "de Cotonou", "d’Akassato", "du 5e arrondissement". */
function de(place: string): string {
  if (place.endsWith('arrondissement')) return `du ${place}`;
  return /^[aeiouyàâéèêîôû]/i.test(place) ? `d’${place}` : `de ${place}`;
}

/** "à Zogbo", "au 5e arrondissement". */
function at(place: string): string {
  return place.endsWith('arrondissement') ? `au ${place}` : `à ${place}`;
}

const sum = (lines: readonly { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);
const roundThousands = (amount: number) => Math.max(0, Math.round(amount / 1000) * 1000);

/** mulberry32, seeded from a string: small, fast and the same everywhere. */
function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
