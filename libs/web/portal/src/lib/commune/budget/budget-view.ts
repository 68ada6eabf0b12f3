import type { Budget, BudgetStage } from '@communes/web-data-access';

export type Section = 'fonctionnement' | 'investissement';
export type Direction = 'recette' | 'depense';

export const SECTIONS: readonly Section[] = [
  'fonctionnement',
  'investissement',
];
export const DIRECTIONS: readonly Direction[] = ['recette', 'depense'];

export interface Comparison {
  section: Section;
  direction: Direction;
  planned: number | null;
  executed: number | null;
  /** Executed / planned, in percent, rounded; null when either is missing or planned is 0. */
  rate: number | null;
  /** Bar lengths in percent of the largest amount of the whole year (same scale for all). */
  plannedWidth: number;
  executedWidth: number;
}

export interface YearView {
  year: number;
  /** The budget giving the planned amounts: the collectif when there is one, else the primitif. */
  planned: Budget | null;
  executed: Budget | null;
  comparisons: Comparison[];
  totals: {
    direction: Direction;
    planned: number | null;
    executed: number | null;
  }[];
  /** Every public budget of the year (superseded ones too), by stage. */
  budgets: Budget[];
}

const STAGE_ORDER: Readonly<Record<BudgetStage, number>> = {
  primitif: 0,
  collectif: 1,
  execute: 2,
};

/** Fiscal years with a public budget, newest first. */
export function budgetYears(budgets: readonly Budget[]): number[] {
  return [
    ...new Set(
      budgets.filter((b) => b.state !== 'draft').map((b) => b.fiscalYear),
    ),
  ].sort((a, b) => b - a);
}

/** What one year's budgets say: planned against executed, by section and direction. */
export function yearView(budgets: readonly Budget[], year: number): YearView {
  const ofYear = budgets
    .filter((b) => b.fiscalYear === year && b.state !== 'draft')
    .sort(
      (a, b) =>
        STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] ||
        a.createdAt.localeCompare(b.createdAt),
    );
  const current = (stage: BudgetStage) =>
    ofYear.find((b) => b.stage === stage && b.state === 'published') ?? null;
  const planned = current('collectif') ?? current('primitif');
  const executed = current('execute');

  const amount = (budget: Budget | null, s: Section, d: Direction) =>
    budget ? Number(budget.totals[s][d]) : null;

  const raw = SECTIONS.flatMap((section) =>
    DIRECTIONS.map((direction) => ({
      section,
      direction,
      planned: amount(planned, section, direction),
      executed: amount(executed, section, direction),
    })),
  );
  const max = Math.max(
    1,
    ...raw.flatMap((c) => [c.planned ?? 0, c.executed ?? 0]),
  );
  const comparisons = raw.map((c) => ({
    ...c,
    rate:
      c.planned && c.executed !== null
        ? Math.round((c.executed / c.planned) * 100)
        : null,
    plannedWidth: ((c.planned ?? 0) / max) * 100,
    executedWidth: ((c.executed ?? 0) / max) * 100,
  }));
  const sum = (budget: Budget | null, d: Direction) =>
    budget
      ? SECTIONS.reduce((total, s) => total + Number(budget.totals[s][d]), 0)
      : null;
  return {
    year,
    planned,
    executed,
    comparisons,
    totals: DIRECTIONS.map((direction) => ({
      direction,
      planned: sum(planned, direction),
      executed: sum(executed, direction),
    })),
    budgets: ofYear,
  };
}
