/** RFC 4180: records end with CRLF. */
export const CSV_LINE_TERMINATOR = '\r\n';

// A field is quoted when it holds a comma, a quote or a line break (quotes doubled inside), and
// when it starts or ends with spaces, which some readers would otherwise trim.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(value: string | number): string {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (RFC 4180): header, then one record per row, each record ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + CSV_LINE_TERMINATOR).join('');
}
