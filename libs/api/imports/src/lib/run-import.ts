import { decodeText } from './decode-text';
import { DetectedFormat, detectFormat } from './detect-format';
import { FieldSpec, findHeader, scoreHeader } from './match-headers';
import { cleanText } from './normalize';
import { detectDelimiter, readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { Cell, ImportError, ImportInput, ImportResult, ImportRow, TableRow } from './types';

/** What a row builder sees of one data line. */
export interface RowReader<K extends string> {
  line: number;
  /** The cell as read (number or date from XLSX), null when blank or the column is absent. */
  cell(key: K): Cell;
  /** The cell as text, spaces collapsed; '' when blank. */
  text(key: K): string;
  /** Records an error on this line; the line is then left out of the valid rows. */
  error(key: K | null, message: string): void;
}

export interface ImportSpec<K extends string, T> {
  fields: readonly FieldSpec<K>[];
  /** Reads one line; returns null when it recorded an error. Called in file order. */
  readRow(row: RowReader<K>): T | null;
}

const UNSUPPORTED: Record<Exclude<DetectedFormat, 'empty' | 'csv' | 'xlsx'>, string> = {
  xls: 'Fichier Excel 97-2003 (.xls) ou protégé par mot de passe : enregistrez-le au format .xlsx (sans mot de passe) ou CSV',
  ods: 'Fichier OpenDocument (.ods) : enregistrez-le au format .xlsx ou CSV',
  pdf: 'Un PDF ne peut pas être importé : utilisez le tableau Excel (.xlsx) ou CSV',
  binary: 'Format de fichier non reconnu : importez un tableau Excel (.xlsx) ou CSV',
};

/**
 * The pipeline shared by every import: detect the format from the bytes, read the table, find the
 * header, then hand each data line to the spec's row reader. Never throws on file content: every
 * problem becomes an error with the line to look at (0 for the whole file).
 */
export async function runImport<K extends string, T>(input: ImportInput, spec: ImportSpec<K, T>): Promise<ImportResult<T>> {
  const format = detectFormat(input.bytes);
  if (format === 'empty') return fileError('unknown', 'Le fichier est vide');
  if (format !== 'csv' && format !== 'xlsx') return fileError('unknown', UNSUPPORTED[format]);

  let table: TableRow[];
  const result: ImportResult<T> = { rows: [], errors: [], format, totalLines: 0 };
  if (format === 'xlsx') {
    const read = await readXlsx(input.bytes);
    if ('error' in read) return fileError('xlsx', read.error);
    table = read.rows;
  } else {
    const { text, encoding } = decodeText(input.bytes);
    const delimiter = detectDelimiter(text, (cells) => scoreHeader(cells, spec.fields));
    const read = readCsv(text, delimiter);
    table = read.rows;
    result.encoding = encoding;
    result.delimiter = delimiter;
    result.errors.push(...read.errors);
  }

  if (table.length === 0) return { ...result, errors: [{ line: 0, column: null, message: 'Le fichier est vide' }, ...result.errors] };
  const header = findHeader(table, spec.fields);
  if (header === null) {
    const expected = spec.fields.filter((field) => field.required).map((field) => field.label).join(', ');
    result.errors.unshift({ line: 0, column: null, message: `Ligne d'en-têtes introuvable : le tableau doit avoir les colonnes ${expected}` });
    return result;
  }

  const dataRows = table.filter((row) => row.line > header.line);
  result.totalLines = dataRows.length;
  if (header.errors.length > 0) {
    result.errors.unshift(...header.errors);
    return result;
  }
  if (dataRows.length === 0) {
    result.errors.unshift({ line: 0, column: null, message: 'Le fichier ne contient aucune ligne' });
    return result;
  }

  const width = trimTrailingBlanks(header.titles).length;
  const titleOf = (key: K | null) => {
    if (key === null) return null;
    const index = header.columns[key];
    return index === undefined ? (spec.fields.find((field) => field.key === key)?.label ?? key) : header.titles[index] || null;
  };

  for (const { line, cells } of dataRows) {
    const lineErrors: ImportError[] = [];
    if (format === 'csv') {
      const count = trimTrailingBlanks(cells).length;
      if (cells.length < width || count > width) {
        const shown = result.delimiter === '\t' ? 'tabulation' : result.delimiter;
        const hint = cells.length > width ? ` (un « ${shown} » dans un montant ou un texte sans guillemets ?)` : '';
        result.errors.push({ line, column: null, message: `Nombre de colonnes incorrect : ${cells.length} au lieu de ${width}${hint}` });
        continue;
      }
    }
    const cell = (key: K): Cell => {
      const index = header.columns[key];
      const value = index === undefined ? null : (cells[index] ?? null);
      return typeof value === 'string' && value.trim() === '' ? null : value;
    };
    const reader: RowReader<K> = {
      line,
      cell,
      text: (key) => cellText(cell(key)),
      error: (key, message) => lineErrors.push({ line, column: titleOf(key), message }),
    };
    const value = spec.readRow(reader);
    if (lineErrors.length > 0) result.errors.push(...lineErrors);
    else if (value !== null) result.rows.push({ line, value } satisfies ImportRow<T>);
  }
  result.errors.sort((a, b) => a.line - b.line); // stable: a line's errors stay in column order
  return result;
}

function fileError<T>(format: ImportResult<T>['format'], message: string): ImportResult<T> {
  return { rows: [], errors: [{ line: 0, column: null, message }], format, totalLines: 0 };
}

function cellText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cleanText(String(value));
}

function trimTrailingBlanks<C extends Cell>(cells: readonly C[]): C[] {
  let end = cells.length;
  while (end > 0 && cellText(cells[end - 1]) === '') end--;
  return cells.slice(0, end);
}
