import { filetypeinfo } from 'magic-bytes.js';

export interface LogoType {
  extension: 'png' | 'jpg' | 'webp';
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
}

const RASTER: Readonly<Record<string, LogoType>> = {
  png: { extension: 'png', mediaType: 'image/png' },
  jpg: { extension: 'jpg', mediaType: 'image/jpeg' },
  jpeg: { extension: 'jpg', mediaType: 'image/jpeg' },
  webp: { extension: 'webp', mediaType: 'image/webp' },
};

/**
 * The logo's real type, judged from its bytes (as documents are, with the same magic-bytes
 * library), never from its name or the declared content type. Only raster images are accepted:
 * an SVG is a document that can carry scripts and external references, and we keep no sanitizer
 * we would trust on a public page, so SVG is refused (`isSvg` lets the caller say so clearly).
 */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  for (const guess of filetypeinfo(bytes)) {
    const type = guess.extension ? RASTER[guess.extension] : undefined;
    if (type && looksComplete(bytes, type)) return type;
  }
  return null;
}

export function isSvg(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg')) || (start.startsWith('<!doctype svg'));
}

/**
 * A signature is a few bytes; a real image also ends the way its format ends (PNG's IEND chunk,
 * JPEG's end-of-image marker, WebP's RIFF size matching the file), which a renamed or truncated
 * file does not.
 */
function looksComplete(bytes: Uint8Array, type: LogoType): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type.extension === 'png') return buffer.length > 57 && buffer.subarray(buffer.length - 12, buffer.length - 4).toString('latin1') === '\0\0\0\0IEND';
  if (type.extension === 'jpg') {
    const end = buffer.subarray(Math.max(0, buffer.length - 64));
    return buffer.length > 4 && end.includes(Buffer.from([0xff, 0xd9]));
  }
  return buffer.length >= 12 && buffer.subarray(8, 12).toString('latin1') === 'WEBP' && buffer.readUInt32LE(4) + 8 === buffer.length;
}
