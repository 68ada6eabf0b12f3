import { CellValue, Workbook } from 'exceljs';
import { Cell, TableRow } from './types';

export type XlsxTable = { rows: TableRow[] } | { error: string };

/**
 * Reads the first worksheet of an XLSX workbook. Row numbers are the ones Excel shows. A cell
 * inside a merged range reads as the merged value, so a section written once in a vertically
 * merged cell applies to each of its lines.
 */
export async function readXlsx(bytes: Buffer): Promise<XlsxTable> {
  const workbook = new Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer-like `Buffer` that Node's Buffer no longer
    // matches; a copied ArrayBuffer satisfies both the types and JSZip underneath.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { error: 'Le classeur ne contient aucune feuille' };

    const rows: TableRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let column = 1; column <= width; column++) cells.push(toCell(row.getCell(column).value));
      if (cells.some((cell) => cell !== null && !(typeof cell === 'string' && cell.trim() === ''))) {
        rows.push({ line: rowNumber, cells });
      }
    });
    return { rows };
  } catch {
    // A damaged archive, or a ZIP that is not a workbook: nothing can be read from it.
    return { error: 'Classeur Excel illisible : le fichier est peut-être endommagé. Enregistrez-le à nouveau au format .xlsx ou CSV' };
  }
}

/** Flattens exceljs' cell value shapes (rich text, formula, hyperlink, error) to a plain value. */
function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : toCell(value.result);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}
