import { normalizeKey } from './normalize';
import { Cell, ImportError, TableRow } from './types';

/** One expected column. Names are in normalized form (see `normalizeKey`). */
export interface FieldSpec<K extends string> {
  key: K;
  /** The column's name in messages. */
  label: string;
  required: boolean;
  /** A header equal to one of these, or starting with one then more words ("montant ht"), matches. */
  names: readonly string[];
  /** Names too generic to match as a prefix ("date", "type"): exact match only. */
  exactNames?: readonly string[];
}

export interface HeaderMatch<K extends string> {
  /** Line number of the header row. */
  line: number;
  /** Column index of each field found. */
  columns: Partial<Record<K, number>>;
  /** Header titles as written in the file, by column index. */
  titles: string[];
  /** Missing required columns, or several columns for one field: the import cannot go on. */
  errors: ImportError[];
}

/** How many lines to look at for the header: files often start with a title or two. */
const HEADER_SEARCH_ROWS = 30;

const EXACT = 1000;

/**
 * How well a header names a field: an exact name beats any prefix, and a longer prefix beats a
 * shorter one, so that a header goes to the field it names most precisely.
 */
function scoreTitle<K extends string>(title: string, field: FieldSpec<K>): number {
  let score = 0;
  for (const name of field.names) {
    if (title === name) score = EXACT;
    else if (title.startsWith(`${name} `)) score = Math.max(score, name.length);
  }
  for (const name of field.exactNames ?? []) {
    if (title === name) score = EXACT;
  }
  return score;
}

/** For each column, the field it names best (if any), with the score. */
function assignColumns<K extends string>(cells: readonly Cell[], fields: readonly FieldSpec<K>[]) {
  return cells.map((cell) => {
    const title = typeof cell === 'string' ? normalizeKey(cell) : '';
    let best: { key: K; score: number } | null = null;
    for (const field of fields) {
      const score = title === '' ? 0 : scoreTitle(title, field);
      if (score > 0 && (best === null || score > best.score)) best = { key: field.key, score };
    }
    return best;
  });
}

/** Number of distinct fields a row's cells name: how much the row looks like the header. */
export function scoreHeader<K extends string>(cells: readonly Cell[], fields: readonly FieldSpec<K>[]): number {
  return new Set(assignColumns(cells, fields).flatMap((match) => (match ? [match.key] : []))).size;
}

/**
 * Finds the header row among the first rows: the first one that names the most expected columns
 * (at least two, so that a title such as "Budget 2024" is never taken for it), and maps fields to
 * column indexes. Returns null when no row looks like a header.
 */
export function findHeader<K extends string>(rows: readonly TableRow[], fields: readonly FieldSpec<K>[]): HeaderMatch<K> | null {
  let header: TableRow | null = null;
  let bestScore = 1;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const score = scoreHeader(row.cells, fields);
    if (score > bestScore) {
      header = row;
      bestScore = score;
    }
  }
  if (header === null) return null;

  const line = header.line;
  const titles = header.cells.map((cell) => (typeof cell === 'string' ? cell.replace(/\s+/g, ' ').trim() : ''));
  const assigned = assignColumns(header.cells, fields);
  const columns: Partial<Record<K, number>> = {};
  const errors: ImportError[] = [];

  for (const field of fields) {
    // An exact name wins over prefixes ("Montant" over "Montant en lettres"); two of a kind is a tie.
    const candidates = assigned.flatMap((match, index) => (match?.key === field.key ? [{ index, exact: match.score === EXACT }] : []));
    const anyExact = candidates.some((candidate) => candidate.exact);
    const best = candidates.filter((candidate) => candidate.exact === anyExact);
    if (best.length === 1) {
      columns[field.key] = best[0].index;
    } else if (best.length > 1) {
      const names = best.map((candidate) => `« ${titles[candidate.index]} »`).join(', ');
      errors.push({
        line,
        column: field.label,
        message: `Plusieurs colonnes peuvent être « ${field.label} » : ${names}. Gardez-en une seule`,
      });
    } else if (field.required) {
      errors.push({ line, column: field.label, message: `Colonne « ${field.label} » manquante` });
    }
  }
  return { line, columns, titles, errors };
}
