import { normalizeKey } from './normalize';
import { Cell, ParseResult } from './types';

const MONTHS = [
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
];

/** Day 0 of Excel serial dates (the 1900 leap-year bug makes it 30 Dec 1899 for modern dates). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Reads a date as written in French administrative files and returns `YYYY-MM-DD`.
 * Accepts "31/12/2024", "31-12-2024", "31.12.2024", "2024-12-31", "31 décembre 2024",
 * a trailing time ("31/12/2024 00:00"), spreadsheet date cells and bare Excel serial numbers
 * (a date column whose format was lost). Impossible dates (31/02/2024) are refused, and so are
 * two-digit years, which are ambiguous.
 */
export function parseFrenchDate(value: Cell | undefined): ParseResult<string> {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, message: 'Date manquante' };
  }
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight: read the UTC calendar day.
    if (Number.isNaN(value.getTime())) return { ok: false, message: 'Date illisible' };
    return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2_958_465) return illegible(String(value));
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS);
    return checked(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), String(value));
  }

  const shown = value.trim();
  // A time after the date (exports from other software) does not matter for a calendar day.
  const text = shown.replace(/(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/i, '').trim();

  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return checked(Number(match[3]), Number(match[2]), Number(match[1]), shown);

  match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), shown);

  match = /^(\d{1,2}|1er) ([a-z]+) (\d{4})$/.exec(normalizeKey(text));
  if (match) {
    const month = MONTHS.indexOf(match[2]) + 1;
    if (month > 0) return checked(Number(match[3]), month, match[1] === '1er' ? 1 : Number(match[1]), shown);
  }
  return illegible(shown);
}

function checked(year: number, month: number, day: number, shown: string): ParseResult<string> {
  if (year < 1900 || year > 2100) return { ok: false, message: `Date hors limites : « ${shown} »` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    return { ok: false, message: `Date invalide : « ${shown} » (ce jour n'existe pas)` };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

function illegible(shown: string): ParseResult<string> {
  return { ok: false, message: `Date illisible : « ${shown} » (attendu : JJ/MM/AAAA)` };
}
