import type { CommuneSummary } from '@communes/shared-contracts';
import { departmentsOf, groupByDepartment } from './directory';

function commune(name: string, department: string): CommuneSummary {
  return {
    id: name,
    slug: name,
    name,
    department,
    country: 'BJ',
    status: 'active',
    isPilot: false,
  };
}

describe('directory helpers', () => {
  it('sorts departments and communes in French order, accents ignored', () => {
    const communes = [
      commune('Zè', 'Atlantique'),
      commune('Ouinhi', 'Zou'),
      commune('Adjohoun', 'Ouémé'),
      commune('Abomey-Calavi', 'Atlantique'),
      commune('Dangbo', 'Ouémé'),
      commune('Agbangnizoun', 'Zou'),
      commune('Adja-Ouèrè', 'Plateau'),
    ];

    expect(departmentsOf(communes)).toEqual([
      'Atlantique',
      'Ouémé',
      'Plateau',
      'Zou',
    ]);
    expect(
      groupByDepartment(communes).map((g) => [
        g.department,
        g.communes.map((c) => c.name),
      ]),
    ).toEqual([
      ['Atlantique', ['Abomey-Calavi', 'Zè']],
      ['Ouémé', ['Adjohoun', 'Dangbo']],
      ['Plateau', ['Adja-Ouèrè']],
      ['Zou', ['Agbangnizoun', 'Ouinhi']],
    ]);
  });
});
