import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { ContractInput, ContractStatus, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';

const PILOTS = ['cotonou', 'abomey-calavi', 'akpro-misserete'];
const YEARS = [2024, 2025];

/**
 * Publishes realistic contracts awarded for the pilot communes, once (a commune that already has
 * contracts is left alone). Written directly as the owner, inside a transaction scoped to the
 * commune as its staff (RLS is forced on the owner too), with the search outbox fed in the same
 * transaction. Deterministic: the same database gets the same contracts, ids and dates.
 */
export async function seedDemoContracts(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let created = 0;
  try {
    for (const slug of PILOTS) {
      const commune = await client.query<{ id: string }>('select id from communes where slug = $1', [slug]);
      const communeId = commune.rows[0]?.id;
      if (!communeId) continue;
      await client.query('begin');
      try {
        await client.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'staff', true)`, [communeId]);
        const existing = await client.query('select 1 from contracts where commune_id = $1 limit 1', [communeId]);
        if (existing.rowCount === 0) {
          for (const contract of demoContractsFor(slug)) {
            await insertPublished(client, communeId, slug, contract);
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

async function insertPublished(client: Client, communeId: string, slug: string, contract: ContractInput): Promise<void> {
  const id = stableUuid(`contract:${slug}:${contract.reference}`);
  // Published a week after the award; created and updated then too, so that the OCDS export is stable.
  const publishedAt = new Date(Date.parse(`${contract.awardDate}T10:00:00Z`) + 7 * DAY_MS);
  await client.query(
    `insert into contracts (commune_id, id, reference, object, procurement_method, category, awardee_name, awardee_identifier,
                            amount, award_date, start_date, end_date, status, funding_source, state, published_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'published', $15, $15, $15)`,
    [
      communeId, id, contract.reference, contract.object, contract.procurementMethod, contract.category, contract.awardeeName,
      contract.awardeeIdentifier, contract.amount, contract.awardDate, contract.startDate, contract.endDate, contract.status,
      contract.fundingSource, publishedAt,
    ],
  );
  await client.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `contract:${id}`]);
}

// ---- What the pilots award ------------------------------------------------------------------

interface CommuneProfile {
  /** The service code in the references, e.g. N°012/2025/MC/SG/PRMP. */
  code: string;
  /** Amounts relative to a mid-sized commune. */
  scale: number;
  places: string[];
  arrondissements: string[];
}

const PROFILES: Record<string, CommuneProfile> = {
  cotonou: {
    code: 'MC',
    scale: 1.6,
    places: ['Cadjèhoun', 'Fidjrossè', 'Akpakpa', 'Gbégamey', 'Zogbo', 'Vêdoko', 'Agla', 'Houéyiho', 'Sainte-Rita', 'Dandji', 'Avotrou', 'Ménontin'],
    arrondissements: ['1er arrondissement', '5e arrondissement', '9e arrondissement', '12e arrondissement'],
  },
  'abomey-calavi': {
    code: 'MAC',
    scale: 1.2,
    places: ['Godomey', 'Togba', 'Akassato', 'Zinvié', 'Ouèdo', 'Kpanroun', 'Hêvié', 'Glo-Djigbé', 'Togoudo', 'Tankpè'],
    arrondissements: ['arrondissement de Godomey', 'arrondissement de Calavi', 'arrondissement d’Akassato', 'arrondissement de Hêvié'],
  },
  'akpro-misserete': {
    code: 'MAM',
    scale: 0.7,
    places: ['Vakon', 'Zoungbomè', 'Gomè-Sota', 'Katagon', 'Houédomè', 'Akpro-Centre', 'Djèho', 'Kodé'],
    arrondissements: ['arrondissement d’Akpro-Missérété', 'arrondissement de Vakon', 'arrondissement de Katagon'],
  },
};

interface Awardee {
  name: string;
  category: ProcurementCategory;
}

/** Fictional companies with names as they are seen in Benin's lists of contracts awarded. */
const AWARDEES: Record<string, Awardee[]> = {
  building: [
    { name: 'Entreprise Houénou & Fils SARL', category: 'works' },
    { name: 'Ets Agossou BTP', category: 'works' },
    { name: 'Entreprise Kpadonou Construction SARL', category: 'works' },
    { name: 'Société Dah Bâtiment SARL', category: 'works' },
    { name: 'Ets Gbaguidi & Frères', category: 'works' },
  ],
  roads: [
    { name: 'Société Béninoise de Travaux Publics (SBTP) SA', category: 'works' },
    { name: 'Groupement Zinsou-Adjovi BTP', category: 'works' },
    { name: 'Entreprise Tossou Génie Civil SARL', category: 'works' },
  ],
  water: [
    { name: 'Ets Akpovi Forages', category: 'works' },
    { name: 'Hydro-Bénin Forages SARL', category: 'works' },
  ],
  furniture: [
    { name: 'Ets Dossou Mobilier', category: 'goods' },
    { name: 'Ets Hounkpatin Équipements', category: 'goods' },
  ],
  computers: [
    { name: 'Bénin Informatique Services (BIS) SARL', category: 'goods' },
    { name: 'Ets Tognon Informatique & Bureautique', category: 'goods' },
  ],
  vehicles: [
    { name: 'Société Adjaho Distribution SARL', category: 'goods' },
    { name: 'Ets Chabi Fournitures Générales', category: 'goods' },
  ],
  waste: [
    { name: 'GIE Zéro Déchet', category: 'services' },
    { name: 'ONG Cadre de Vie Propre', category: 'services' },
  ],
  consultants: [
    { name: 'Cabinet d’Études Sèdjro Ingénierie', category: 'services' },
    { name: 'Bureau d’Études Ahouansou Consult', category: 'services' },
  ],
  auditors: [
    { name: 'Cabinet Fagla Audit & Conseil', category: 'services' },
    { name: 'Cabinet Akplogan Expertise Comptable', category: 'services' },
  ],
  security: [{ name: 'Société Vigilance Gardiennage SARL', category: 'services' }],
};

interface Template {
  object: (place: string, arrondissement: string, n: number) => string;
  awardees: keyof typeof AWARDEES;
  method: ProcurementMethod;
  /** Range in millions of XOF for a mid-sized commune. */
  millions: [number, number];
  /** Duration of the contract in months. */
  months: number;
  funding: (year: number) => string;
}

const FADEC = (year: number) => `FADeC non affecté ${year}`;
/** "marché de Zogbo", "marché d’Akpakpa". */
const of = (place: string) => (/^[AEIOUÉÈÊ]/i.test(place) ? `d’${place}` : `de ${place}`);
const TEMPLATES: Template[] = [
  { object: (p) => `Construction d’un module de trois classes avec bureau et magasin à l’EPP ${of(p)}`, awardees: 'building', method: 'open', millions: [28, 42], months: 5, funding: (y) => `FADeC affecté éducation ${y}` },
  { object: (p) => `Réhabilitation du marché ${of(p)}`, awardees: 'building', method: 'open', millions: [60, 140], months: 6, funding: FADEC },
  { object: (p, _a, n) => `Pavage et assainissement de la rue ${n} à ${p}`, awardees: 'roads', method: 'open', millions: [180, 420], months: 8, funding: (y) => `Budget communal ${y} et partenaires techniques et financiers` },
  { object: (p) => `Réalisation d’un forage équipé d’une pompe à motricité humaine à ${p}`, awardees: 'water', method: 'limited', millions: [8, 14], months: 3, funding: (y) => `FADeC affecté eau ${y}` },
  { object: (p) => `Construction d’un bloc de latrines à quatre cabines au marché ${of(p)}`, awardees: 'building', method: 'limited', millions: [6, 11], months: 3, funding: (y) => `Budget communal ${y}` },
  { object: (_p, _a, n) => `Fourniture de ${n * 10} tables-bancs aux écoles primaires publiques`, awardees: 'furniture', method: 'limited', millions: [9, 22], months: 2, funding: (y) => `FADeC affecté éducation ${y}` },
  { object: () => 'Acquisition de matériel informatique pour les services de la mairie', awardees: 'computers', method: 'limited', millions: [6, 16], months: 2, funding: (y) => `Budget communal ${y}` },
  { object: () => 'Fourniture de mobilier de bureau pour l’hôtel de ville', awardees: 'furniture', method: 'limited', millions: [5, 12], months: 2, funding: (y) => `Budget communal ${y}` },
  { object: () => 'Acquisition d’un véhicule tout-terrain de liaison', awardees: 'vehicles', method: 'open', millions: [26, 38], months: 3, funding: (y) => `Budget communal ${y}` },
  { object: (_p, a) => `Collecte et évacuation des déchets solides ménagers du ${a}`, awardees: 'waste', method: 'selective', millions: [24, 55], months: 12, funding: (y) => `Budget communal ${y}` },
  { object: (p) => `Étude technique et contrôle des travaux de pavage à ${p}`, awardees: 'consultants', method: 'selective', millions: [12, 28], months: 9, funding: (y) => `Budget communal ${y} et partenaires techniques et financiers` },
  { object: () => 'Audit des comptes et de la gestion des ressources FADeC', awardees: 'auditors', method: 'selective', millions: [8, 15], months: 3, funding: FADEC },
  { object: () => 'Gardiennage et sécurité des bâtiments administratifs communaux', awardees: 'security', method: 'direct', millions: [4, 9], months: 12, funding: (y) => `Budget communal ${y}` },
  { object: (p) => `Réhabilitation de l’éclairage public sur la voie principale ${of(p)}`, awardees: 'roads', method: 'limited', millions: [15, 35], months: 4, funding: FADEC },
];

/** About thirty contracts per pilot over 2024–2025: two rounds of the templates, places and firms varied. */
export function demoContractsFor(slug: string): ContractInput[] {
  const profile = PROFILES[slug];
  if (!profile) return [];
  const random = seededRandom(slug);
  const contracts: ContractInput[] = [];
  for (const year of YEARS) {
    TEMPLATES.forEach((template, index) => {
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
      const awardee = pick(AWARDEES[template.awardees]);
      const [low, high] = template.millions;
      // Rounded to 50 000 F, as amounts awarded usually are.
      const amount = Math.round(((low + (high - low) * random()) * profile.scale * 1_000_000) / 50_000) * 50_000;
      // Awards spread over the year, the first ones in January.
      const awardDate = isoDate(year, 1 + Math.floor((index * 11) / TEMPLATES.length), 2 + Math.floor(random() * 25));
      const startDate = addDays(awardDate, 10 + Math.floor(random() * 20));
      const endDate = addDays(startDate, template.months * 30);
      contracts.push({
        reference: `N°${String(index + 1).padStart(3, '0')}/${year}/${profile.code}/SG/PRMP`,
        object: template.object(pick(profile.places), pick(profile.arrondissements), 1 + Math.floor(random() * 40)),
        // A request for quotations only suits small amounts: above 40 million, an open tender.
        procurementMethod: template.method === 'limited' && amount > 40_000_000 ? 'open' : template.method,
        category: awardee.category,
        awardeeName: awardee.name,
        awardeeIdentifier: ifuOf(awardee.name),
        amount: String(amount),
        awardDate,
        startDate,
        endDate,
        status: statusOf(year, random),
        fundingSource: template.funding(year),
      });
    });
  }
  return contracts;
}

/** 2024 contracts are mostly completed, 2025 ones mostly in progress; now and then one was cancelled. */
function statusOf(year: number, random: () => number): ContractStatus {
  const roll = random();
  if (roll < 0.04) return 'cancelled';
  if (year === 2024) return roll < 0.85 ? 'terminated' : 'active';
  return roll < 0.15 ? 'pending' : 'active';
}

/** A 13-digit IFU (companies' start with 3), the same for a company in every commune. */
function ifuOf(name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`) % 1_000_000_000_000n;
  return `3${digits.toString().padStart(12, '0')}`;
}

/** A UUID (version 5 layout) derived from `key`, so that a re-seeded database has the same ids. */
function stableUuid(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32, seeded from the commune's slug: varied but identical on every run. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
