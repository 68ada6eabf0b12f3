import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';

/** Spec helpers: fixture files are built in code, so each test shows exactly what it reads. */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le-bom';

export function csvFile(text: string, encoding: CsvEncoding = 'utf-8'): { bytes: Buffer; fileName: string } {
  const bytes =
    encoding === 'utf-8'
      ? Buffer.from(text, 'utf-8')
      : encoding === 'utf-8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf-8')])
        : encoding === 'windows-1252'
          ? iconv.encode(text, 'windows-1252')
          : Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return { bytes, fileName: 'import.csv' };
}

export type SheetValue = string | number | Date | null | { formula: string; result?: number | string };

export interface SheetOptions {
  /** Title rows above the header, each merged across `mergeWidth` columns like real reports. */
  titles?: string[];
  mergeWidth?: number;
  /** Extra merges, in A1 notation ("A4:A6"). */
  merges?: string[];
}

export async function xlsxFile(rows: SheetValue[][], options: SheetOptions = {}): Promise<{ bytes: Buffer; fileName: string }> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Feuil1');
  for (const title of options.titles ?? []) {
    const row = sheet.addRow([title]);
    if (options.mergeWidth) sheet.mergeCells(row.number, 1, row.number, options.mergeWidth);
  }
  if (options.titles?.length) sheet.addRow([]); // the blank line under the title
  for (const values of rows) sheet.addRow(values);
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: Buffer.from(buffer), fileName: 'import.xlsx' };
}

/** A date cell as exceljs writes and reads it: UTC midnight. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
