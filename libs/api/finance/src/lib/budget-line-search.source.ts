import { Injectable, OnModuleInit } from '@nestjs/common';
import type { BudgetDirection, BudgetSection, BudgetStage, SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { BudgetLineKey, budgetLineSearchId, parseBudgetLineSearchId } from './budget-line-id';
import { BudgetsRepository } from './budgets.repository';

const STAGE_LABELS: Readonly<Record<BudgetStage, string>> = {
  primitif: 'Budget primitif',
  collectif: 'Budget collectif',
  execute: 'Budget exécuté (compte administratif)',
};
const SECTION_LABELS: Readonly<Record<BudgetSection, string>> = {
  fonctionnement: 'Section de fonctionnement',
  investissement: "Section d'investissement",
};
const DIRECTION_LABELS: Readonly<Record<BudgetDirection, string>> = { recette: 'Recette', depense: 'Dépense' };

/** Lines of the published budgets in the search index, one record per line. */
@Injectable()
export class BudgetLineSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'budget_line' as const;

  constructor(
    private readonly budgets: BudgetsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const keys = recordIds.map(parseBudgetLineSearchId).filter((key): key is BudgetLineKey => key !== null);
    if (keys.length === 0) return [];
    const rows = await this.budgets.searchableLines(commune.id, keys);
    return rows.map((row) => ({
      id: budgetLineSearchId(row.budgetId, row.lineNumber),
      kind: 'budget_line',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: row.label,
      body: [
        `Compte ${row.code}`,
        `${SECTION_LABELS[row.section]} — ${DIRECTION_LABELS[row.direction]}`,
        `${STAGE_LABELS[row.stage]} ${row.fiscalYear}`,
        `Commune ${of(commune.name)} (${commune.department})`,
      ].join('\n'),
      category: row.stage,
      fiscalYear: row.fiscalYear,
      amount: row.amount,
      date: row.publishedAt.toISOString().slice(0, 10),
      url: `/communes/${commune.slug}/budgets/${row.budgetId}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.budgets.publishedLineKeys(commune.id)).map((key) => budgetLineSearchId(key.budgetId, key.lineNumber));
  }
}

/** French elision: "de Cotonou" but "d’Abomey-Calavi". */
function of(name: string): string {
  return /^[aeiouyàâéèêîôû]/i.test(name) ? `d’${name}` : `de ${name}`;
}
