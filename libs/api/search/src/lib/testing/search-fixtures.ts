import type { SearchRecord } from '@communes/shared-contracts';

/**
 * A small corpus of what the three pilot communes publish, for the search contract. Commune ids
 * are fixed here (the index has no foreign key to `communes`).
 */
export const COMMUNES = {
  cotonou: { communeId: '6f1c1b0e-2a3d-4c55-9a1e-0c0f00000001', communeSlug: 'cotonou', communeName: 'Cotonou', department: 'Littoral' },
  calavi: {
    communeId: '6f1c1b0e-2a3d-4c55-9a1e-0c0f00000002',
    communeSlug: 'abomey-calavi',
    communeName: 'Abomey-Calavi',
    department: 'Atlantique',
  },
  akpro: {
    communeId: '6f1c1b0e-2a3d-4c55-9a1e-0c0f00000003',
    communeSlug: 'akpro-misserete',
    communeName: 'Akpro-Missérété',
    department: 'Ouémé',
  },
} as const;

type Commune = (typeof COMMUNES)[keyof typeof COMMUNES];

function record(
  commune: Commune,
  fields: Omit<SearchRecord, 'communeId' | 'communeSlug' | 'communeName' | 'department' | 'url'>,
): SearchRecord {
  const [kind, uuid] = fields.id.split(':');
  return { ...commune, ...fields, url: `/communes/${commune.communeSlug}/${kind}/${uuid}` };
}

export const BUDGET_PRIMITIF_2024 = record(COMMUNES.cotonou, {
  id: 'document:0b6e2c3a-1d4f-4a8b-9c01-000000000001',
  kind: 'document',
  title: 'Budget primitif 2024',
  body:
    "Budget primitif de la commune de Cotonou pour l'exercice 2024, voté par le conseil municipal en session " +
    "ordinaire. Recettes de fonctionnement, dépenses d'investissement pour les écoles, les marchés et l'assainissement.",
  category: 'budget_primitif',
  fiscalYear: 2024,
  amount: null,
  date: '2023-12-18',
});

export const COMPTE_ADMINISTRATIF_2023 = record(COMMUNES.calavi, {
  id: 'document:0b6e2c3a-1d4f-4a8b-9c01-000000000002',
  kind: 'document',
  title: 'Compte administratif 2023',
  body: "Compte administratif de l'exercice 2023 de la commune d'Abomey-Calavi : exécution des recettes et des dépenses.",
  category: 'compte_administratif',
  fiscalYear: 2023,
  amount: null,
  date: '2024-06-28',
});

export const PLAN_PASSATION_2025 = record(COMMUNES.akpro, {
  id: 'document:0b6e2c3a-1d4f-4a8b-9c01-000000000003',
  kind: 'document',
  title: 'Plan de passation des marchés 2025',
  body: 'Liste des marchés publics prévus en 2025 : travaux, fournitures et services, avec le mode de passation et le calendrier.',
  category: 'plan_passation_marches',
  fiscalYear: 2025,
  amount: null,
  date: '2025-01-20',
});

export const CONTRACT_ZOGBO = record(COMMUNES.calavi, {
  id: 'contract:0b6e2c3a-1d4f-4a8b-9c01-000000000004',
  kind: 'contract',
  title: "Construction d'un module de trois classes à l'école primaire publique de Zogbo",
  body:
    'Marché n° 2024/012/MAC/SG/PRMP. Attributaire : Entreprise Houénou & Fils SARL. ' +
    "Appel d'offres ouvert. Financement : FADeC investissement.",
  category: 'works',
  fiscalYear: 2024,
  amount: '45000000',
  date: '2024-03-12',
});

export const CONTRACT_DANTOKPA = record(COMMUNES.cotonou, {
  id: 'contract:0b6e2c3a-1d4f-4a8b-9c01-000000000005',
  kind: 'contract',
  title: 'Réhabilitation du marché Dantokpa, secteur des vivriers',
  body: 'Marché n° 2024/087/MC/PRMP. Attributaire : Société Béninoise de Travaux Publics (SBTP). Budget communal.',
  category: 'works',
  fiscalYear: 2024,
  amount: '180000000',
  date: '2024-09-02',
});

export const CONTRACT_TABLES_BANCS = record(COMMUNES.akpro, {
  id: 'contract:0b6e2c3a-1d4f-4a8b-9c01-000000000006',
  kind: 'contract',
  title: 'Fourniture de tables-bancs aux écoles primaires',
  body: 'Marché n° 2025/004/MAM/PRMP. Attributaire : Ets Adjovi et Frères. Demande de cotation.',
  category: 'goods',
  fiscalYear: 2025,
  amount: '12500000',
  date: '2025-02-10',
});

export const LINE_ROUTES = record(COMMUNES.akpro, {
  id: 'budget_line:0b6e2c3a-1d4f-4a8b-9c01-000000000007',
  kind: 'budget_line',
  title: 'Entretien des routes et pistes rurales',
  body: 'Budget primitif 2024, section investissement, dépense, compte 2315.',
  category: 'investissement',
  fiscalYear: 2024,
  amount: '25000000',
  date: '2024-01-05',
});

export const LINE_LATRINES = record(COMMUNES.calavi, {
  id: 'budget_line:0b6e2c3a-1d4f-4a8b-9c01-000000000008',
  kind: 'budget_line',
  title: 'Construction de latrines publiques au marché de Calavi-Kpota',
  body: 'Budget primitif 2024, section investissement, dépense, compte 2313.',
  category: 'investissement',
  fiscalYear: 2024,
  amount: '8000000',
  date: '2024-01-10',
});

export const LINE_SALAIRES = record(COMMUNES.cotonou, {
  id: 'budget_line:0b6e2c3a-1d4f-4a8b-9c01-000000000009',
  kind: 'budget_line',
  title: 'Salaires et indemnités du personnel communal',
  body: 'Budget primitif 2024, section fonctionnement, dépense, compte 6611.',
  category: 'fonctionnement',
  fiscalYear: 2024,
  amount: '2400000000',
  date: '2023-12-18',
});

export const SESSION_CONSEIL = record(COMMUNES.cotonou, {
  id: 'session:0b6e2c3a-1d4f-4a8b-9c01-000000000010',
  kind: 'session',
  title: 'Session ordinaire du conseil municipal, premier trimestre 2025',
  body: "Ordre du jour : examen du compte administratif 2024, point sur l'éclairage public et les marchés.",
  category: null,
  fiscalYear: null,
  amount: null,
  date: '2025-03-27T09:00:00Z',
});

export const AGENDA_REDDITION = record(COMMUNES.calavi, {
  id: 'agenda_event:0b6e2c3a-1d4f-4a8b-9c01-000000000011',
  kind: 'agenda_event',
  title: 'Reddition de comptes publique du maire',
  body: 'Le maire rend compte aux citoyens de la gestion 2024 à la maison des jeunes de Godomey.',
  category: null,
  fiscalYear: null,
  amount: null,
  date: null,
});

/** A title with markup in it: highlights must escape it. */
export const DELIBERATION_SCRIPT = record(COMMUNES.cotonou, {
  id: 'document:0b6e2c3a-1d4f-4a8b-9c01-000000000012',
  kind: 'document',
  title: '<script>alert("x")</script> Délibération sur l\'éclairage public & la voirie',
  body: "Le conseil municipal approuve l'extension de l'éclairage public <b>solaire</b> dans les quartiers.",
  category: 'deliberation',
  fiscalYear: 2025,
  amount: null,
  date: '2025-04-02',
});

export const SEARCH_CORPUS: readonly SearchRecord[] = [
  BUDGET_PRIMITIF_2024,
  COMPTE_ADMINISTRATIF_2023,
  PLAN_PASSATION_2025,
  CONTRACT_ZOGBO,
  CONTRACT_DANTOKPA,
  CONTRACT_TABLES_BANCS,
  LINE_ROUTES,
  LINE_LATRINES,
  LINE_SALAIRES,
  SESSION_CONSEIL,
  AGENDA_REDDITION,
  DELIBERATION_SCRIPT,
];
