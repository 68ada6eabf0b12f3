import { budgetLineSearchId, parseBudgetLineSearchId } from './budget-line-id';

// The search index's rule for record ids (libs/api/search search-validation.ts); the e2e tests
// push real records through it.
const RECORD_ID = /^([a-z_]+):([A-Za-z0-9][A-Za-z0-9-]*)$/;
const BUDGET = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('budget line search ids', () => {
  it('are "budget_line:<budget uuid>-<line>", which the search index accepts', () => {
    const id = budgetLineSearchId(BUDGET, 57);
    expect(id).toBe(`budget_line:${BUDGET}-57`);
    expect(RECORD_ID.exec(id)?.[1]).toBe('budget_line');
  });

  it('parse back to the budget and the line', () => {
    expect(parseBudgetLineSearchId(`budget_line:${BUDGET}-57`)).toEqual({ budgetId: BUDGET, lineNumber: 57 });
    expect(parseBudgetLineSearchId(`budget_line:${BUDGET.toUpperCase()}-1`)).toEqual({ budgetId: BUDGET, lineNumber: 1 });
  });

  it('refuse anything else', () => {
    for (const id of [`document:${BUDGET}`, `budget_line:${BUDGET}`, `budget_line:${BUDGET}-`, `budget_line:${BUDGET}-1-2`, 'budget_line:nope-3', `budget_line:${BUDGET}-1234567890`]) {
      expect({ id, key: parseBudgetLineSearchId(id) }).toEqual({ id, key: null });
    }
  });
});
