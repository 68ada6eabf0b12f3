import {
  EXPECTED_PUBLICATIONS,
  type CommunePublicationSummary,
  type ExpectedPublicationStatus,
  type PublicationScoring,
} from '@communes/shared-contracts';
import type { PublicationRow } from './monitoring.repository';

/**
 * The transparency score of a commune, out of 100, from published facts only:
 *
 *   10 points for each publication the law expects and the commune has published:
 *      budget primitif, plan de travail annuel and plan de passation des marchés of the current
 *      fiscal year (3), and the same plus the compte administratif of the previous year (4): 70;
 *   10 points for each of the two fiscal years with at least one published contract awarded: 20;
 *   10 points if something was published in the last 90 days, 5 in the last 365 days: 10.
 *
 * Simple on purpose: a commune (or a journalist) can check its own score by hand, and every
 * point maps to something a citizen can open. The same text is sent with every answer.
 */
export const SCORING: PublicationScoring = {
  maxScore: 100,
  pointsPerExpectedDocument: 10,
  pointsPerYearWithContracts: 10,
  freshness: [
    { withinDays: 90, points: 10 },
    { withinDays: 365, points: 5 },
  ],
  formulaFr:
    "10 points par publication attendue et publiée (budget primitif, plan de travail annuel et plan de passation des marchés de l'exercice en cours ; " +
    "les mêmes et le compte administratif de l'exercice précédent : 7 publications, 70 points), 10 points par exercice (en cours, précédent) " +
    'avec au moins un marché attribué publié (20 points), 10 points si la dernière publication date de moins de 90 jours ou 5 points de moins de 365 jours ' +
    '(10 points). Total sur 100. Seules les données publiées comptent. Rang : les scores égaux partagent le même rang.',
  formulaEn:
    '10 points per expected publication that is published (budget primitif, plan de travail annuel and plan de passation des marchés of the current ' +
    'fiscal year; the same and the compte administratif of the previous year: 7 publications, 70 points), 10 points per fiscal year (current, previous) ' +
    'with at least one published contract awarded (20 points), 10 points if the latest publication is less than 90 days old or 5 points if less than ' +
    '365 days (10 points). Out of 100. Only published data counts. Rank: equal scores share a rank.',
};

const DAY_MS = 86_400_000;

export function summarize(row: PublicationRow, fiscalYear: number, now: Date): Omit<CommunePublicationSummary, 'rank'> {
  const publications: ExpectedPublicationStatus[] = EXPECTED_PUBLICATIONS.map(({ category, yearOffset, expected }) => {
    const year = fiscalYear + yearOffset;
    const firstPublishedAt = row.firstPublished[`${category}:${year}`] ?? null;
    return { category, fiscalYear: year, expected, published: firstPublishedAt !== null, firstPublishedAt: firstPublishedAt && new Date(firstPublishedAt).toISOString() };
  });
  const contracts = [
    { fiscalYear: fiscalYear - 1, published: row.contractsPrevious },
    { fiscalYear, published: row.contractsCurrent },
  ];
  const last = row.lastPublishedAt ? new Date(row.lastPublishedAt) : null;
  const daysSinceLastPublication = last ? Math.max(0, Math.floor((now.getTime() - last.getTime()) / DAY_MS)) : null;
  return {
    communeId: row.communeId,
    slug: row.slug,
    name: row.name,
    department: row.department,
    status: row.status,
    isPilot: row.isPilot,
    publications,
    contracts,
    lastPublishedAt: last?.toISOString() ?? null,
    daysSinceLastPublication,
    score: score(publications, contracts, daysSinceLastPublication),
  };
}

export function score(
  publications: readonly Pick<ExpectedPublicationStatus, 'expected' | 'published'>[],
  contracts: readonly { published: number }[],
  daysSinceLastPublication: number | null,
): number {
  const documents = publications.filter((p) => p.expected && p.published).length * SCORING.pointsPerExpectedDocument;
  const contractYears = contracts.filter((c) => c.published > 0).length * SCORING.pointsPerYearWithContracts;
  const freshness =
    daysSinceLastPublication === null ? 0 : (SCORING.freshness.find((f) => daysSinceLastPublication <= f.withinDays)?.points ?? 0);
  return documents + contractYears + freshness;
}

/** Best first; equal scores share a rank (1, 2, 2, 4) and are listed by department, then name. */
export function rank(summaries: Omit<CommunePublicationSummary, 'rank'>[]): CommunePublicationSummary[] {
  const sorted = [...summaries].sort(
    (a, b) => b.score - a.score || a.department.localeCompare(b.department, 'fr') || a.name.localeCompare(b.name, 'fr'),
  );
  let rankOfPrevious = 0;
  return sorted.map((summary, index) => {
    const rankHere = index > 0 && sorted[index - 1].score === summary.score ? rankOfPrevious : index + 1;
    rankOfPrevious = rankHere;
    return { ...summary, rank: rankHere };
  });
}
