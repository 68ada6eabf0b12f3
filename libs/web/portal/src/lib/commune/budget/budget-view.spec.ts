import type { Budget } from '@communes/web-data-access';
import { budgetYears, yearView } from './budget-view';

function budget(
  id: string,
  fiscalYear: number,
  stage: Budget['stage'],
  amounts: [number, number, number, number],
  state: Budget['state'] = 'published',
): Budget {
  const [fr, fd, ir, id_] = amounts.map(String);
  return {
    id,
    communeId: 'c',
    fiscalYear,
    stage,
    state,
    createdAt: `${fiscalYear}-01-0${id.length}T00:00:00Z`,
    updatedAt: '',
    importId: null,
    lineCount: 10,
    publishedAt: '2025-01-01T00:00:00Z',
    sourceDocumentId: null,
    supersededAt: null,
    supersededBy: null,
    totals: {
      fonctionnement: { recette: fr, depense: fd },
      investissement: { recette: ir, depense: id_ },
    },
  };
}

describe('budget explained', () => {
  const budgets = [
    budget('p', 2025, 'primitif', [1000, 800, 500, 700]),
    budget('x', 2025, 'execute', [900, 700, 250, 350]),
    budget('old', 2024, 'primitif', [1, 1, 1, 1], 'superseded'),
    budget('d', 2026, 'primitif', [1, 1, 1, 1], 'draft'),
  ];

  it('lists the years with a public budget, newest first', () => {
    expect(budgetYears(budgets)).toEqual([2025, 2024]);
  });

  it('compares planned and executed by section and direction, on one scale', () => {
    const view = yearView(budgets, 2025);

    expect(view.planned?.id).toBe('p');
    expect(view.executed?.id).toBe('x');
    expect(
      view.comparisons.map((c) => [
        c.section,
        c.direction,
        c.planned,
        c.executed,
        c.rate,
      ]),
    ).toEqual([
      ['fonctionnement', 'recette', 1000, 900, 90],
      ['fonctionnement', 'depense', 800, 700, 88],
      ['investissement', 'recette', 500, 250, 50],
      ['investissement', 'depense', 700, 350, 50],
    ]);
    expect(view.comparisons[0].plannedWidth).toBe(100);
    expect(view.comparisons[2].executedWidth).toBe(25);
    expect(view.totals).toEqual([
      { direction: 'recette', planned: 1500, executed: 1150 },
      { direction: 'depense', planned: 1500, executed: 1050 },
    ]);
  });

  it('plans from the budget collectif once there is one, and says when nothing is executed yet', () => {
    const view = yearView(
      [
        budget('p', 2025, 'primitif', [1000, 800, 500, 700]),
        budget('cc', 2025, 'collectif', [1200, 900, 600, 900]),
      ],
      2025,
    );

    expect(view.planned?.id).toBe('cc');
    expect(view.executed).toBeNull();
    expect(view.comparisons[0]).toMatchObject({
      planned: 1200,
      executed: null,
      rate: null,
      executedWidth: 0,
    });
    expect(view.budgets.map((b) => b.id)).toEqual(['p', 'cc']);
  });
});
