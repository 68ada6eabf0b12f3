import { Cell, ParseResult } from './types';

/** Largest amount a PostgreSQL `bigint` column holds. */
const MAX_AMOUNT = 9223372036854775807n;

/** Currency marks written before or after the figure: "XOF 1 000", "1 000 FCFA", "1 000 F CFA", "1 000 F". */
const CURRENCY_BEFORE = /^(?:xof|f\s*\.?\s*cfa|cfa)\s*/i;
const CURRENCY_AFTER = /\s*(?:xof|f\s*\.?\s*cfa|cfa|f)\.?$/i;

/**
 * Reads an amount in francs CFA (XOF) and returns it as a string of digits, with a leading "-"
 * when negative (callers decide whether a negative amount is allowed).
 *
 * Accepts what people type in France and West Africa: "1 234 567" (ordinary, non-breaking or
 * narrow spaces), "1.234.567", "1,234,567", "1 234 567,00 FCFA", "XOF 1 234 567", "(1 234)".
 * Works on the text, never through floating point, so no amount is rounded. The franc CFA has no
 * cents: ",00" is accepted, any other fraction is refused. Spreadsheet numbers must be whole
 * (a tiny float residue from a formula such as 0.1 + 0.2 is tolerated).
 */
export function parseAmountXof(value: Cell | undefined): ParseResult<string> {
  if (value === null || value === undefined) return { ok: false, message: 'Montant manquant' };
  if (typeof value === 'number') return fromNumber(value);
  if (value instanceof Date) return illegible(value.toISOString().slice(0, 10));
  return fromText(value);
}

function fromNumber(value: number): ParseResult<string> {
  const shown = String(value).replace('.', ',');
  if (!Number.isFinite(value)) return illegible(shown);
  const whole = Math.round(value);
  if (Math.abs(value - whole) > 1e-6) return fractional(shown);
  if (!Number.isSafeInteger(whole)) return { ok: false, message: `Montant trop grand : « ${shown} »` };
  return { ok: true, value: String(whole === 0 ? 0 : whole) };
}

function fromText(raw: string): ParseResult<string> {
  const shown = raw.trim();
  if (shown === '') return { ok: false, message: 'Montant manquant' };

  let text = shown.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '').trim();
  let negative = false;
  const inParentheses = /^\((.*)\)$/.exec(text); // accounting notation for a negative amount
  if (inParentheses) {
    negative = true;
    text = inParentheses[1].trim();
  } else if (/^[-\u2212\u2013]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  // Every kind of space (incl. U+00A0, U+202F) and the Swiss apostrophe separate thousands.
  text = text.replace(/[\s'\u2019]+/g, ' ');
  if (!/^\d+(?:[ .,]\d+)*$/.test(text)) return illegible(shown);

  const groups = text.split(/[ .,]/);
  const separators = text.match(/[ .,]/g) ?? [];

  // A last "." or "," followed by one or two digits is a decimal part; three digits are thousands.
  const last = separators[separators.length - 1];
  let decimals = '';
  let decimalSeparator: string | null = null;
  if ((last === '.' || last === ',') && (groups[groups.length - 1].length <= 2)) {
    decimals = groups.pop() ?? '';
    decimalSeparator = separators.pop() ?? null;
  }

  if (groups.length > 1) {
    const sameSeparator = separators.every((s) => s === separators[0] && s !== decimalSeparator);
    const wellGrouped =
      /^[1-9]\d{0,2}$/.test(groups[0]) && groups.slice(1).every((group) => group.length === 3);
    if (!sameSeparator || !wellGrouped) return illegible(shown);
  }
  if (/[1-9]/.test(decimals)) return fractional(shown);

  const digits = groups.join('').replace(/^0+(?=\d)/, '');
  if (BigInt(digits) > MAX_AMOUNT) return { ok: false, message: `Montant trop grand : « ${shown} »` };
  return { ok: true, value: negative && digits !== '0' ? `-${digits}` : digits };
}

function illegible(shown: string): ParseResult<string> {
  return { ok: false, message: `Montant illisible : « ${shown} »` };
}

function fractional(shown: string): ParseResult<string> {
  return {
    ok: false,
    message: `Montant avec des centimes : « ${shown} » (le franc CFA n'a pas de centimes)`,
  };
}
