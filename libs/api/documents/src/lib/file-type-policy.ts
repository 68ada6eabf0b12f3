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
  return null;
}

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);
