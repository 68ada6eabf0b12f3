import type { BudgetDirection, BudgetLineInput, BudgetSection } from '@communes/shared-contracts';
import type { ImportError, ImportResult } from '@communes/api-imports';

/** Totals of a budget per section × direction, integer XOF as strings. */
export interface BudgetTotals {
  fonctionnement: { recette: string; depense: string };
  investissement: { recette: string; depense: string };
}

/** A valid line of an import, with its line in the file. */
export interface PreviewLine extends BudgetLineInput {
  line: number;
}

export interface PreviewSummary {
  totalLines: number;
  validLines: number;
  errorCount: number;
  /** The first `MAX_REPORTED_ERRORS` errors, in file order. */
  errors: ImportError[];
  totals: BudgetTotals;
  sample: PreviewLine[];
  /** Every valid line, kept with the preview until it is committed. */
  lines: PreviewLine[];
}

/** A report longer than this helps nobody (and would bloat the response): the count says the rest. */
export const MAX_REPORTED_ERRORS = 1000;
export const SAMPLE_SIZE = 20;
/** Column limits of `budget_lines`, checked here so that a long text is a line error, not a failed commit. */
export const MAX_CODE_LENGTH = 50;
export const MAX_LABEL_LENGTH = 1000;
const BIGINT_MAX = 9223372036854775807n;

/**
 * Whole-file problems (unreadable format, empty file, no header, no data line): there is nothing
 * to preview, so the import is refused with these messages instead of stored.
 */
export function unreadableFileMessages(result: ImportResult<BudgetLineInput>): string[] | null {
  const fileErrors = result.errors.filter((error) => error.line === 0).map((error) => error.message);
  if (result.format === 'unknown' || fileErrors.length > 0) return fileErrors.length > 0 ? fileErrors : ['Format de fichier non reconnu'];
  return null;
}

/** Turns the parser's result into the preview: stored-column checks, totals, sample, capped error list. */
export function summarizePreview(result: ImportResult<BudgetLineInput>): PreviewSummary {
  const errors: ImportError[] = [...result.errors];
  const lines: PreviewLine[] = [];
  for (const row of result.rows) {
    const problems: ImportError[] = [];
    if (row.value.code.length > MAX_CODE_LENGTH) problems.push({ line: row.line, column: 'Code', message: `Code trop long (plus de ${MAX_CODE_LENGTH} caractères)` });
    if (row.value.label.length > MAX_LABEL_LENGTH) problems.push({ line: row.line, column: 'Libellé', message: `Libellé trop long (plus de ${MAX_LABEL_LENGTH} caractères)` });
    if (problems.length > 0) errors.push(...problems);
    else lines.push({ line: row.line, ...row.value });
  }

  const sums = totalsOf(lines);
  for (const [key, sum] of Object.entries(sums)) {
    if (sum > BIGINT_MAX) errors.push({ line: 0, column: null, message: `Total trop grand pour ${key.replace('.', ' / ')} : vérifiez les montants` });
  }
  errors.sort((a, b) => a.line - b.line);

  return {
    totalLines: result.totalLines,
    validLines: lines.length,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    totals: formatTotals(sums),
    sample: lines.slice(0, SAMPLE_SIZE),
    lines,
  };
}

type TotalKey = `${BudgetSection}.${BudgetDirection}`;

function totalsOf(lines: readonly BudgetLineInput[]): Record<TotalKey, bigint> {
  const sums: Record<TotalKey, bigint> = {
    'fonctionnement.recette': 0n,
    'fonctionnement.depense': 0n,
    'investissement.recette': 0n,
    'investissement.depense': 0n,
  };
  for (const line of lines) sums[`${line.section}.${line.direction}`] += BigInt(line.amount);
  return sums;
}

function formatTotals(sums: Record<TotalKey, bigint>): BudgetTotals {
  return {
    fonctionnement: { recette: String(sums['fonctionnement.recette']), depense: String(sums['fonctionnement.depense']) },
    investissement: { recette: String(sums['investissement.recette']), depense: String(sums['investissement.depense']) },
  };
}
