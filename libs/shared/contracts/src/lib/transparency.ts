/**
 * What communes publish (DESIGN.md "Data that citizens come for"). Keys are stable identifiers;
 * the French labels are what citizens read.
 */
export const DOCUMENT_CATEGORIES = [
  'budget_primitif',
  'budget_collectif',
  'compte_administratif',
  'compte_de_gestion',
  'plan_developpement_communal',
  'plan_annuel_investissement',
  'plan_travail_annuel',
  'plan_passation_marches',
  'deliberation',
  'proces_verbal_session',
  'arrete',
  'rapport_reddition_comptes',
  'autre',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS_FR: Readonly<Record<DocumentCategory, string>> = {
  budget_primitif: 'Budget primitif',
  budget_collectif: 'Budget collectif',
  compte_administratif: 'Compte administratif',
  compte_de_gestion: 'Compte de gestion',
  plan_developpement_communal: 'Plan de développement communal',
  plan_annuel_investissement: "Plan annuel d'investissement",
  plan_travail_annuel: 'Plan de travail annuel',
  plan_passation_marches: 'Plan de passation des marchés',
  deliberation: 'Délibération',
  proces_verbal_session: 'Procès-verbal de session',
  arrete: 'Arrêté',
  rapport_reddition_comptes: 'Rapport de reddition de comptes',
  autre: 'Autre document',
};

/** draft → published → withdrawn; a withdrawn document keeps a public trace with its reason. */
export const DOCUMENT_STATES = ['draft', 'published', 'withdrawn'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const BUDGET_STAGES = ['primitif', 'collectif', 'execute'] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];
export const BUDGET_SECTIONS = ['fonctionnement', 'investissement'] as const;
export type BudgetSection = (typeof BUDGET_SECTIONS)[number];
export const BUDGET_DIRECTIONS = ['recette', 'depense'] as const;
export type BudgetDirection = (typeof BUDGET_DIRECTIONS)[number];

/** One budget line; amounts are integer francs CFA (XOF), never floating point. */
export interface BudgetLineInput {
  section: BudgetSection;
  direction: BudgetDirection;
  code: string;
  label: string;
  /** Integer XOF as a string, so that amounts beyond 2^53 survive JSON. */
  amount: string;
}

/** OCDS codelists (method, procurementCategory, contractStatus). */
export const PROCUREMENT_METHODS = ['open', 'selective', 'limited', 'direct'] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];
export const PROCUREMENT_CATEGORIES = ['goods', 'works', 'services'] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];
export const CONTRACT_STATUSES = ['pending', 'active', 'cancelled', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A contract awarded (marché), as imported or entered by commune staff. */
export interface ContractInput {
  reference: string;
  object: string;
  procurementMethod: ProcurementMethod;
  category: ProcurementCategory;
  awardeeName: string;
  awardeeIdentifier: string | null;
  /** Integer XOF as a string. */
  amount: string;
  /** ISO date (YYYY-MM-DD). */
  awardDate: string;
  startDate: string | null;
  endDate: string | null;
  status: ContractStatus;
  fundingSource: string | null;
}

/** Kinds of record in the one shared search index. */
export const SEARCH_KINDS = ['document', 'budget_line', 'contract', 'session', 'agenda_event', 'feedback', 'consultation', 'debate', 'good_practice', 'news'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One published record in the search index. Only published content is ever indexed. */
export interface SearchRecord {
  /** Stable across reindexing: `<kind>:<uuid>`. */
  id: string;
  kind: SearchKind;
  communeId: string;
  communeSlug: string;
  communeName: string;
  department: string;
  title: string;
  /** Searchable text: document text, line label, contract object and awardee... */
  body: string;
  category: string | null;
  fiscalYear: number | null;
  /** Integer XOF as a string, or null. */
  amount: string | null;
  /** ISO date. */
  date: string | null;
  /** Path of the resource in the web app / API. */
  url: string;
}
