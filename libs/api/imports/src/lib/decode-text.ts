import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Turns CSV bytes into text. Files saved by recent software are UTF-8 (Excel adds a BOM);
 * "CSV (séparateur : point-virgule)" from Excel on a French Windows is Windows-1252. Bytes that
 * are not valid UTF-8 can only be the latter, and every byte sequence is valid Windows-1252,
 * so decoding never fails.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be' };
  if (isUtf8(bytes)) return { text: iconv.decode(bytes, 'utf-8'), encoding: 'utf-8' }; // strips the BOM
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
