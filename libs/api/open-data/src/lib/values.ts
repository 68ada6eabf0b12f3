/**
 * Thrown when stored data cannot be exported faithfully (amount too large for a JSON number,
 * unreadable date, contract of an unknown commune...). Exports refuse rather than publish a
 * wrong figure.
 */
export class OpenDataExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenDataExportError';
  }
}

const UNSIGNED_INTEGER = /^\d+$/;
const SIGNED_INTEGER = /^-?\d+$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Integer XOF (stored as a string, DESIGN.md "Money") to a JSON number, as OCDS requires.
 * Above 2^53 - 1 a number would silently lose francs, so we throw instead.
 */
export function xofToNumber(amount: string, what: string): number {
  if (!UNSIGNED_INTEGER.test(amount)) {
    throw new OpenDataExportError(`${what}: amount "${amount}" is not a non-negative integer number of XOF`);
  }
  if (BigInt(amount) > MAX_SAFE) {
    throw new OpenDataExportError(
      `${what}: amount ${amount} XOF exceeds Number.MAX_SAFE_INTEGER and cannot be exported as a JSON number without losing precision`,
    );
  }
  return Number(amount);
}

/** Canonical integer string ("007" → "7", "-0" → "0"); any size, since CSV keeps it as text. */
export function normalizeXofInteger(amount: string, what: string): string {
  if (!SIGNED_INTEGER.test(amount)) {
    throw new OpenDataExportError(`${what}: amount "${amount}" is not an integer number of XOF`);
  }
  return BigInt(amount).toString();
}

// A date, optionally followed by a time that must carry Z or an offset: a bare local time would
// depend on the server's time zone.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/** True when `year-month-day hour:minute:second` exists (Date.parse would roll 30 February over). */
export function isRealDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

/**
 * A stored date (`2024-12-31`) or date-time (`2024-12-31T10:00:00+01:00`) as the full ISO 8601
 * UTC date-time OCDS expects (`2024-12-31T00:00:00Z`). A date alone means midnight UTC, which is
 * still the same calendar day in Benin (UTC+1).
 */
export function toIsoDateTime(value: string, what: string): string {
  const match = ISO_DATE_TIME.exec(value);
  const [year, month, day, hour, minute, second] = (match ?? []).slice(1).map((part) => Number(part ?? 0));
  if (!match || !isRealDateTime(year, month, day, hour, minute, second)) {
    throw new OpenDataExportError(`${what}: "${value}" is not an ISO 8601 date, or date-time with a time zone`);
  }
  if (match[4] === undefined) {
    return `${value}T00:00:00Z`;
  }
  return new Date(Date.parse(value)).toISOString().replace('.000Z', 'Z');
}
