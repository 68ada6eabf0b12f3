import type { CommuneStatus } from './communes';
import type { DocumentCategory } from './transparency';

/**
 * What the ministry follows across communes. Publications are counted from published data only
 * (what any visitor can read commune by commune).
 */

/**
 * The publications the law expects from every commune each fiscal year, as document categories.
 * `yearOffset` 0 is the reference (current) fiscal year, -1 the previous one. The compte
 * administratif of a year is voted during the following year, so it is only expected for the
 * previous year; the current year's is shown when present but does not count.
 */
export const EXPECTED_PUBLICATIONS: readonly { category: DocumentCategory; yearOffset: 0 | -1; expected: boolean }[] = [
  { category: 'budget_primitif', yearOffset: 0, expected: true },
  { category: 'compte_administratif', yearOffset: 0, expected: false },
  { category: 'plan_travail_annuel', yearOffset: 0, expected: true },
  { category: 'plan_passation_marches', yearOffset: 0, expected: true },
  { category: 'budget_primitif', yearOffset: -1, expected: true },
  { category: 'compte_administratif', yearOffset: -1, expected: true },
  { category: 'plan_travail_annuel', yearOffset: -1, expected: true },
  { category: 'plan_passation_marches', yearOffset: -1, expected: true },
];

export interface ExpectedPublicationStatus {
  category: DocumentCategory;
  fiscalYear: number;
  /** False when the law does not yet require it (the current year's compte administratif). */
  expected: boolean;
  published: boolean;
  /** When the first published document of that category and year went public. */
  firstPublishedAt: string | null;
}

export interface ContractsPublishedStatus {
  fiscalYear: number;
  /** Published contracts awarded that year. */
  published: number;
}

export interface CommunePublicationSummary {
  communeId: string;
  slug: string;
  name: string;
  department: string;
  status: CommuneStatus;
  isPilot: boolean;
  publications: ExpectedPublicationStatus[];
  contracts: ContractsPublishedStatus[];
  /** The latest published document or contract; null when nothing was ever published. */
  lastPublishedAt: string | null;
  daysSinceLastPublication: number | null;
  score: number;
  /** 1 for the best score; equal scores share a rank (1, 2, 2, 4). */
  rank: number;
}

export interface PublicationScoring {
  maxScore: number;
  /** The formula in words, in French and English. */
  formulaFr: string;
  formulaEn: string;
  pointsPerExpectedDocument: number;
  pointsPerYearWithContracts: number;
  freshness: { withinDays: number; points: number }[];
}

export interface PublicationsMonitoring {
  fiscalYear: number;
  previousFiscalYear: number;
  generatedAt: string;
  scoring: PublicationScoring;
  communes: CommunePublicationSummary[];
}

export interface AdoptionMonth {
  /** `YYYY-MM`, in Benin's time zone. */
  month: string;
  onboarded: number;
  activated: number;
  /** Communes onboarded up to the end of that month. */
  onboardedTotal: number;
  activatedTotal: number;
}

export interface AdoptionByDepartment {
  department: string;
  total: number;
  notOnboarded: number;
  onboarding: number;
  active: number;
  suspended: number;
}

export interface AdoptionMonitoring {
  generatedAt: string;
  total: number;
  byStatus: Record<CommuneStatus, number>;
  byDepartment: AdoptionByDepartment[];
  byMonth: AdoptionMonth[];
}
