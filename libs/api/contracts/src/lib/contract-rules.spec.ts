import type { ContractInput } from '@communes/shared-contracts';
import { contractRowProblems, withRowChecks } from './contract-rules';

const contract = (overrides: Partial<ContractInput> = {}): ContractInput => ({
  reference: 'N°2025/001/MC/SG/PRMP',
  object: 'Construction de trois modules de classes',
  procurementMethod: 'open',
  category: 'works',
  awardeeName: 'Entreprise Houénou & Fils SARL',
  awardeeIdentifier: '3201912345678',
  amount: '87450000',
  awardDate: '2025-03-15',
  startDate: null,
  endDate: null,
  status: 'active',
  fundingSource: 'FADeC',
  ...overrides,
});

describe('contractRowProblems', () => {
  it('accepts an ordinary contract', () => {
    expect(contractRowProblems(contract())).toEqual([]);
  });

  it('reports what the database would refuse, in French, by column', () => {
    expect(contractRowProblems(contract({ reference: 'R'.repeat(101), amount: '1000000000000000', awardDate: '1985-01-01' }))).toEqual([
      { column: 'Référence', message: 'Texte trop long : 101 caractères (maximum 100)' },
      { column: 'Montant', message: 'Montant trop élevé : 1000000000000000 FCFA (15 chiffres au plus)' },
      { column: "Date d'attribution", message: "Année d'attribution invraisemblable : 1985 (attendu entre 1990 et 2100)" },
    ]);
  });

  it('ignores leading zeros of an amount', () => {
    expect(contractRowProblems(contract({ amount: '000999999999999999' }))).toEqual([]);
  });
});

describe('withRowChecks', () => {
  it('moves a line with a problem from the valid rows to the errors, in line order', () => {
    const result = withRowChecks(
      [
        { line: 2, value: contract() },
        { line: 4, value: contract({ reference: 'B', object: 'O'.repeat(1001) }) },
      ],
      [{ line: 3, column: 'Montant', message: 'Montant illisible' }],
    );
    expect(result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.errors).toEqual([
      { line: 3, column: 'Montant', message: 'Montant illisible' },
      { line: 4, column: 'Objet', message: 'Texte trop long : 1001 caractères (maximum 1000)' },
    ]);
  });
});
