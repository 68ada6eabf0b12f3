/**
 * Shapes shared by the budget and contract imports. The result is a preview: valid rows and a
 * line-by-line error report, nothing is stored here.
 */

/** The uploaded file, as received. The name is informative only: the format comes from the bytes. */
export interface ImportInput {
  bytes: Buffer;
  fileName: string;
}

/** `unknown` when the bytes are neither a spreadsheet (XLSX) nor text (CSV): PDF, .xls, image... */
export type ImportFormat = 'csv' | 'xlsx' | 'unknown';

export interface ImportRow<T> {
  /** Line number as a person sees it: 1-based, header and title rows counted (XLSX row number). */
  line: number;
  value: T;
}

export interface ImportError {
  /**
   * Where to look, as in `ImportRow.line`. `0` (never null) means the whole file: unreadable
   * bytes, empty file, no header row, no data row.
   */
  line: number;
  /** The column as titled in the file (or its expected name when missing); null for a whole line or file. */
  column: string | null;
  /** In French, for the commune staff who fix the file. */
  message: string;
}

export interface ImportResult<T> {
  /** Rows without any error, in file order. A line with errors never appears here. */
  rows: ImportRow<T>[];
  errors: ImportError[];
  format: ImportFormat;
  /** CSV only: `utf-8`, `windows-1252` or `utf-16le`. */
  encoding?: string;
  /** CSV only: `,`, `;` or a tab. */
  delimiter?: string;
  /** Data lines read below the header (blank lines excluded): valid ones plus those in error. */
  totalLines: number;
}

/** One cell as read from the file: CSV gives strings; XLSX may also give numbers and dates. */
export type Cell = string | number | Date | null;

/** One non-blank line of the file with its cells. */
export interface TableRow {
  line: number;
  cells: Cell[];
}

/** Outcome of reading one value: the value, or a French message saying what is wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };
