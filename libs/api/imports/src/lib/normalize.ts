/**
 * Comparable form of a header or a coded value typed by a person: no accents, lower case,
 * punctuation turned into spaces, spaces collapsed. "Désignation ", "DESIGNATION" and
 * "désignation" all become "designation"; "N° marché" becomes "n marche".
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Text of a cell for free-text fields: trimmed, inner runs of spaces (and line breaks) collapsed. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
