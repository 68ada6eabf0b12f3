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

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Width and height from the image's header, without decoding it: a 1 MB file can still declare
 * a 30,000 × 30,000 canvas that a cheap phone would try to allocate. Null when the header is not
 * where the format puts it (then the file is not the image it claims to be).
 */
export function imageSize(bytes: Uint8Array, type: LogoType): ImageSize | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type.extension === 'png') {
    if (buffer.length < 24 || buffer.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
    return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  }
  if (type.extension === 'webp') {
    const chunk = buffer.subarray(12, 16).toString('latin1');
    if (chunk === 'VP8X' && buffer.length >= 30) return { width: 1 + buffer.readUIntLE(24, 3), height: 1 + buffer.readUIntLE(27, 3) };
    if (chunk === 'VP8L' && buffer.length >= 25 && buffer[20] === 0x2f) {
      const bits = buffer.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    if (chunk === 'VP8 ' && buffer.length >= 30 && buffer[23] === 0x9d && buffer[24] === 0x01 && buffer[25] === 0x2a) {
      return { width: buffer.readUInt16LE(26) & 0x3fff, height: buffer.readUInt16LE(28) & 0x3fff };
    }
    return null;
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
  let offset = 2;
  while (offset + 9 < buffer.length) {
    if (buffer[offset] !== 0xff) return null;
    const marker = buffer[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = buffer.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: buffer.readUInt16BE(offset + 7), height: buffer.readUInt16BE(offset + 5) };
    }
    if (length < 2) return null;
    offset += 2 + length;
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
