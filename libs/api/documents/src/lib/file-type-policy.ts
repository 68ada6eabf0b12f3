import { filetypeinfo } from 'magic-bytes.js';

/** What communes publish: PDF first, scans, and office files. Judged by the bytes, not the name. */
const ALLOWED: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
};

/** Formats whose signature identifies them on its own; containers (ZIP, OLE) need the name too. */
const SELF_EVIDENT = new Set(['pdf', 'png', 'jpg', 'jpeg', 'webp']);

export interface DetectedType {
  extension: string;
  mediaType: string;
}

/**
 * The file's real type from its first bytes. A ZIP or OLE container is accepted as the office
 * format its name claims only if the bytes are such a container; anything else (executables,
 * HTML, unknown bytes, a PDF named .docx...) is judged by the bytes alone.
 */
export function detectAllowedType(head: Uint8Array, fileName: string): DetectedType | null {
  const candidates = filetypeinfo(head).map((guess) => guess.extension).filter((ext): ext is string => Boolean(ext));
  const declared = fileName.toLowerCase().split('.').pop() ?? '';
  if (candidates.includes(declared) && ALLOWED[declared]) {
    return { extension: declared, mediaType: ALLOWED[declared] };
  }
  const first = candidates[0];
  if (first && SELF_EVIDENT.has(first)) return { extension: first, mediaType: ALLOWED[first] };
  // Plain text has no signature: a file named .csv is accepted when its bytes are text.
  if (declared === 'csv' && candidates.length === 0 && looksLikeText(head)) return { extension: 'csv', mediaType: ALLOWED['csv'] };
  return null;
}

/** Text (UTF-8, UTF-16 with a BOM, or a legacy 8-bit code page), and not markup a browser would run. */
function looksLikeText(head: Uint8Array): boolean {
  const bytes = Buffer.from(head);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) return false;
  const start = bytes.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  return bytes.length > 0 && !/^<(!doctype|html|script|svg|\?xml)/.test(start);
}

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);
