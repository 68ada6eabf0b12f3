import type { CommuneDocument } from '@communes/web-data-access';
import { fileSize, groupDocuments } from './documents';

function doc(
  id: string,
  category: CommuneDocument['category'],
  fiscalYear: number | null,
  state: CommuneDocument['state'] = 'published',
): CommuneDocument {
  return {
    id,
    title: `Document ${id}`,
    category,
    fiscalYear,
    state,
    communeId: 'c',
    createdAt: '',
    updatedAt: '',
    description: null,
    publishedAt: '2025-01-01T00:00:00Z',
    withdrawalReason: state === 'withdrawn' ? 'Erreur de chiffres' : null,
    withdrawnAt: state === 'withdrawn' ? '2025-02-01T00:00:00Z' : null,
  };
}

describe('documents by category and year', () => {
  it('groups public documents in budget-cycle order, newest year first, withdrawn ones kept', () => {
    const groups = groupDocuments([
      doc('a', 'deliberation', 2024),
      doc('b', 'budget_primitif', 2024),
      doc('c', 'budget_primitif', 2025, 'withdrawn'),
      doc('d', 'budget_primitif', null),
      doc('e', 'compte_administratif', 2024, 'draft'),
    ]);

    expect(
      groups.map((g) => [
        g.category,
        g.years.map((y) => [y.year, y.documents.map((d) => d.id)]),
      ]),
    ).toEqual([
      [
        'budget_primitif',
        [
          [2025, ['c']],
          [2024, ['b']],
          [null, ['d']],
        ],
      ],
      ['deliberation', [[2024, ['a']]]],
    ]);
  });

  it('writes file sizes for people', () => {
    expect(fileSize('350000', 'fr-FR')).toEqual({ unit: 'kb', value: '342' });
    expect(fileSize(2.5 * 1024 * 1024, 'fr-FR')).toEqual({
      unit: 'mb',
      value: '2,5',
    });
    expect(fileSize(2.5 * 1024 * 1024, 'en-GB').value).toBe('2.5');
  });
});
