/**
 * What the bytes are, whatever the file is called: staff rename files, and browsers send
 * `application/octet-stream` as often as not.
 */
export type DetectedFormat = 'empty' | 'xlsx' | 'csv' | 'ods' | 'xls' | 'pdf' | 'binary';

export function detectFormat(bytes: Buffer): DetectedFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // XLSX and ODS are both ZIP files; an ODS names its MIME type in its first, stored entry.
    return bytes.subarray(0, 100).includes('application/vnd.oasis.opendocument') ? 'ods' : 'xlsx';
  }
  // OLE2 container: Excel 97-2003, and also any password-protected XLSX.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  // Excel's "Unicode text" export is UTF-16 with a byte order mark: text, despite its NUL bytes.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'csv';
  return bytes.subarray(0, 4096).includes(0) ? 'binary' : 'csv';
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}
