/**
 * Search record ids of budget lines: `budget_line:<budget uuid>-<line number>`. The search
 * index accepts only letters, digits and dashes after the kind, so no second colon.
 */
const PREFIX = 'budget_line:';
const LINE_ID = /^budget_line:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,9})$/i;

export interface BudgetLineKey {
  budgetId: string;
  lineNumber: number;
}

export function budgetLineSearchId(budgetId: string, lineNumber: number): string {
  return `${PREFIX}${budgetId}-${lineNumber}`;
}

/** The key of a record id, or null when it is not a budget line id (such ids are simply skipped). */
export function parseBudgetLineSearchId(recordId: string): BudgetLineKey | null {
  const match = LINE_ID.exec(recordId);
  return match ? { budgetId: match[1].toLowerCase(), lineNumber: Number(match[2]) } : null;
}

/** The same id, built in SQL (publishing writes one outbox row per line in one statement). */
export const BUDGET_LINE_SEARCH_ID_SQL = `'${PREFIX}' || l.budget_id::text || '-' || l.line_number::text`;
