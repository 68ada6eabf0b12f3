import { parse } from 'csv-parse/sync';
import { ImportError, TableRow } from './types';

const DELIMITERS = [';', ',', '\t'] as const;
/** How many lines to look at for the header (title lines may come first). */
const HEADER_SEARCH_LINES = 30;

/**
 * Picks the delimiter under which one of the first lines reads best as the expected header;
 * on a tie, the one that splits that line into the most cells. The header is the reliable line:
 * data lines hold commas inside amounts ("1 234,00") and texts.
 */
export function detectDelimiter(text: string, scoreHeader: (cells: string[]) => number): string {
  const lines = text
    .slice(0, 65_536) // the header is near the top; no need to split a whole large file
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, HEADER_SEARCH_LINES);
  let best: { delimiter: string; score: number; cells: number } = { delimiter: DELIMITERS[0], score: -1, cells: 0 };
  for (const delimiter of DELIMITERS) {
    for (const line of lines) {
      const cells = line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, ''));
      const score = scoreHeader(cells);
      if (score > best.score || (score === best.score && cells.length > best.cells)) {
        best = { delimiter, score, cells: cells.length };
      }
    }
  }
  return best.delimiter;
}

export interface CsvTable {
  rows: TableRow[];
  errors: ImportError[];
}

/**
 * Splits CSV text into lines of cells, each with the line number where it starts in the file
 * (a quoted cell may span several lines). Blank lines, and lines of empty cells (";;;;" left by
 * spreadsheets), are dropped. A quote never closed stops the reading there with one error.
 */
export function readCsv(text: string, delimiter: string): CsvTable {
  const rows: TableRow[] = [];
  const errors: ImportError[] = [];
  let lastLine = 0;
  try {
    parse(text.replace(/\r\n?/g, '\n'), {
      delimiter,
      relax_column_count: true, // a wrong count is reported per line by the importer
      relax_quotes: true, // `Construction d'un "module"` in an unquoted cell
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[], context: { lines: number }) => {
        // `lines` is where the record ends; count back the line breaks inside its cells.
        const breaks = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
        lastLine = context.lines;
        if (record.some((cell) => cell.trim() !== '')) rows.push({ line: context.lines - breaks, cells: record });
        return null; // rows are kept above; nothing to accumulate in csv-parse
      },
      on_skip: (error: { code?: string; lines?: number } | undefined) => {
        const unclosed = error?.code === 'CSV_QUOTE_NOT_CLOSED';
        errors.push({
          line: unclosed ? lastLine + 1 : (error?.lines ?? lastLine + 1),
          column: null,
          message: unclosed
            ? 'Guillemet « " » jamais fermé : le fichier n\'a pas pu être lu à partir de cette ligne'
            : 'Ligne illisible (guillemets mal placés ?)',
        });
      },
    });
  } catch {
    errors.push({ line: lastLine + 1, column: null, message: 'Fichier CSV illisible à partir de cette ligne' });
  }
  return { rows, errors };
}
