import type { BudgetLineInput } from '@communes/shared-contracts';
import type { ImportResult } from '@communes/api-imports';
import { MAX_REPORTED_ERRORS, summarizePreview, unreadableFileMessages } from './budget-preview';

const line = (section: BudgetLineInput['section'], direction: BudgetLineInput['direction'], amount: string, code = '7141', label = 'Taxe foncière unique'): BudgetLineInput => ({
  section,
  direction,
  code,
  label,
  amount,
});

function result(rows: BudgetLineInput[], errors: ImportResult<BudgetLineInput>['errors'] = []): ImportResult<BudgetLineInput> {
  return { rows: rows.map((value, index) => ({ line: index + 2, value })), errors, format: 'csv', totalLines: rows.length + errors.length };
}

describe('summarizePreview', () => {
  it('adds up the valid lines per section and direction, exactly, as integer strings', () => {
    const summary = summarizePreview(
      result([
        line('fonctionnement', 'recette', '9007199254740993'), // beyond 2^53: no floating point on the way
        line('fonctionnement', 'recette', '7'),
        line('fonctionnement', 'depense', '120000000'),
        line('investissement', 'depense', '350000000'),
      ]),
    );
    expect(summary.totals).toEqual({
      fonctionnement: { recette: '9007199254741000', depense: '120000000' },
      investissement: { recette: '0', depense: '350000000' },
    });
    expect(summary).toMatchObject({ totalLines: 4, validLines: 4, errorCount: 0, errors: [] });
  });

  it('keeps the first 20 lines as a sample, with their line numbers, and every line for the commit', () => {
    const summary = summarizePreview(result(Array.from({ length: 30 }, (_, i) => line('fonctionnement', 'depense', String(i)))));
    expect(summary.sample).toHaveLength(20);
    expect(summary.sample[0]).toEqual({ line: 2, section: 'fonctionnement', direction: 'depense', code: '7141', label: 'Taxe foncière unique', amount: '0' });
    expect(summary.lines).toHaveLength(30);
  });

  it('turns texts too long for the database into line errors, in file order with the parser’s errors', () => {
    const summary = summarizePreview(
      result([line('fonctionnement', 'recette', '1'), line('fonctionnement', 'recette', '2', 'x'.repeat(51)), line('fonctionnement', 'recette', '3', '70', 'y'.repeat(1001))], [
        { line: 9, column: 'Montant', message: 'Montant manquant' },
      ]),
    );
    expect(summary.validLines).toBe(1);
    expect(summary.errors.map((error) => [error.line, error.column])).toEqual([
      [3, 'Code'],
      [4, 'Libellé'],
      [9, 'Montant'],
    ]);
    expect(summary.totals.fonctionnement.recette).toBe('1');
  });

  it('refuses totals a bigint cannot hold', () => {
    const summary = summarizePreview(result([line('investissement', 'recette', '9223372036854775807'), line('investissement', 'recette', '1')]));
    expect(summary.errors).toEqual([{ line: 0, column: null, message: expect.stringContaining('Total trop grand pour investissement / recette') }]);
  });

  it('reports at most 1000 errors but counts them all', () => {
    const errors = Array.from({ length: 1500 }, (_, i) => ({ line: i + 2, column: 'Montant', message: 'Montant manquant' }));
    const summary = summarizePreview(result([], errors));
    expect(summary.errorCount).toBe(1500);
    expect(summary.errors).toHaveLength(MAX_REPORTED_ERRORS);
  });
});

describe('unreadableFileMessages', () => {
  it('returns the whole-file messages when nothing can be previewed', () => {
    expect(unreadableFileMessages({ rows: [], errors: [{ line: 0, column: null, message: 'Le fichier est vide' }], format: 'unknown', totalLines: 0 })).toEqual(['Le fichier est vide']);
    expect(unreadableFileMessages({ rows: [], errors: [{ line: 0, column: null, message: 'Ligne d’en-têtes introuvable' }], format: 'csv', totalLines: 0 })).toEqual(['Ligne d’en-têtes introuvable']);
  });

  it('lets a file with line errors through to the preview', () => {
    expect(unreadableFileMessages(result([line('fonctionnement', 'recette', '1')], [{ line: 3, column: 'Section', message: 'Section manquante' }]))).toBeNull();
  });
});
