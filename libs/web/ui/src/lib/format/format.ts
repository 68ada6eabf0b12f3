/**
 * Locale-aware formatting with `Intl`, cached per locale (building a formatter is costly on a
 * low-end phone and tables format hundreds of amounts).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export type DateStyle = 'short' | 'medium' | 'long' | 'full' | 'datetime';

const DATE_OPTIONS: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  short: { dateStyle: 'short' },
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  full: { dateStyle: 'full' },
  datetime: { dateStyle: 'long', timeStyle: 'short' },
};

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * Builds the locale's number and date formatters ahead of their first use. A page's first
 * `Intl.NumberFormat` loads the locale's ICU data: 20 to 40 ms measured in Chromium here, four
 * times that on a phone, spent inside the long task in which the app takes over the server's
 * page (its amounts, counts and dates). Called in a task of its own while the app waits for its
 * page's code, that cost no longer lengthens the take-over.
 */
export function warmUpFormats(locale: string): void {
  formatNumber(0, locale);
  formatDate('2000-01-01', locale);
}

/** Whole number with the locale's grouping: "1 234 567" in French, "1,234,567" in English. */
export function formatNumber(
  value: number | string | null | undefined,
  locale: string,
): string {
  const number = toNumber(value);
  return number === null ? '' : numberFormat(locale).format(number);
}

/**
 * An amount in CFA francs, written as people in Benin write it: "1 234 567 FCFA" (French,
 * narrow no-break spaces, never cut across lines), "1,234,567 FCFA" in English.
 * Amounts come from the API as integer francs, sometimes as strings (bigint).
 */
export function formatFcfa(
  value: number | string | null | undefined,
  locale: string,
): string {
  const number = formatNumber(value, locale);
  return number === '' ? '' : `${number}\u00a0FCFA`;
}

/** A date (ISO string or Date) per locale; '' for nothing or an invalid date. */
export function formatDate(
  value: string | Date | null | undefined,
  locale: string,
  style: DateStyle = 'long',
): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  // A bare "2026-03-15" is a calendar date: read it at noon UTC so no time zone shifts the day.
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...DATE_OPTIONS[style],
      timeZone: 'Africa/Porto-Novo',
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}
