import { BUDGET_FIELDS } from './budget-import';
import { CONTRACT_FIELDS } from './contract-import';
import { findHeader } from './match-headers';
import { TableRow } from './types';

const rows = (...lines: string[][]): TableRow[] => lines.map((cells, index) => ({ line: index + 1, cells }));

describe('findHeader', () => {
  it('matches French names with or without accents, any case, extra spaces and synonyms', () => {
    const header = findHeader(rows(['  SECTION ', 'Sens (R/D)', 'Imputation', 'Désignation', 'Montant (FCFA)']), BUDGET_FIELDS);
    expect(header).toEqual({
      line: 1,
      columns: { section: 0, direction: 1, code: 2, label: 3, amount: 4 },
      titles: ['SECTION', 'Sens (R/D)', 'Imputation', 'Désignation', 'Montant (FCFA)'],
      errors: [],
    });
    expect(findHeader(rows(['section', 'type', 'compte', 'libelle', 'previsions 2024']), BUDGET_FIELDS)?.errors).toEqual([]);
  });

  it('skips title lines above the header', () => {
    const header = findHeader(rows(['Commune de Cotonou'], ['Budget primitif 2024 - section de fonctionnement'], ['N°', 'Section', 'Sens', 'Code', 'Libellé', 'Montant']), BUDGET_FIELDS);
    expect(header?.line).toBe(3);
    expect(header?.columns).toEqual({ section: 1, direction: 2, code: 3, label: 4, amount: 5 });
  });

  it('returns null when no line looks like a header', () => {
    expect(findHeader(rows(['Budget 2024'], ['a', 'b', 'c']), BUDGET_FIELDS)).toBeNull();
  });

  it('names each missing required column', () => {
    expect(findHeader(rows(['Section', 'Sens', 'Code', 'Libellé']), BUDGET_FIELDS)?.errors).toEqual([
      { line: 1, column: 'Montant', message: 'Colonne « Montant » manquante' },
    ]);
  });

  it('refuses to guess between two candidate columns, but prefers an exact name', () => {
    expect(findHeader(rows(['Section', 'Sens', 'Code', 'Libellé', 'Prévision', 'Réalisation']), BUDGET_FIELDS)?.errors).toEqual([
      { line: 1, column: 'Montant', message: 'Plusieurs colonnes peuvent être « Montant » : « Prévision », « Réalisation ». Gardez-en une seule' },
    ]);
    const contracts = findHeader(
      rows(['Référence', 'Objet', 'Mode', 'Nature', 'Titulaire', 'Montant HT', 'Montant TTC', 'Date', 'Date de début', 'Date fin prévue']),
      CONTRACT_FIELDS,
    );
    expect(contracts?.errors).toEqual([]);
    expect(contracts?.columns).toMatchObject({ amount: 6, awardDate: 7, startDate: 8, endDate: 9 });
  });

  it('does not take a row number column "N°" for the contract reference', () => {
    const header = findHeader(rows(['N°', 'N° du marché', 'Objet', 'Mode de passation', 'Catégorie', 'Attributaire', 'Montant', "Date d'attribution"]), CONTRACT_FIELDS);
    expect(header?.columns.reference).toBe(1);
  });
});
