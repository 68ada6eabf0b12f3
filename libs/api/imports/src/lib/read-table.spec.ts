import * as iconv from 'iconv-lite';
import { decodeText } from './decode-text';
import { detectFormat } from './detect-format';
import { detectDelimiter, readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { day, xlsxFile } from '../testing/fixtures';

describe('detectFormat', () => {
  it('looks at the bytes, not the name', async () => {
    expect(detectFormat((await xlsxFile([['a']])).bytes)).toBe('xlsx');
    expect(detectFormat(Buffer.from('Section;Sens\n'))).toBe('csv');
    expect(detectFormat(Buffer.alloc(0))).toBe('empty');
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    expect(detectFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('binary');
    expect(detectFormat(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]))).toBe('ods');
    expect(detectFormat(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('csv'); // UTF-16 text has NUL bytes
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('Libellé'))).toEqual({ text: 'Libellé', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\ufeffLibellé'))).toEqual({ text: 'Libellé', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Libellé – dépenses', 'windows-1252'))).toEqual({ text: 'Libellé – dépenses', encoding: 'windows-1252' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Libellé', 'utf-16le')]))).toEqual({ text: 'Libellé', encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  const score = (cells: string[]) => cells.filter((cell) => ['section', 'sens', 'montant'].includes(cell.toLowerCase())).length;

  it('trusts the header line over commas inside data', () => {
    expect(detectDelimiter('Section;Sens;Montant\nx;y;"1 234,00"\nx;y;1,5,6,7,8', score)).toBe(';');
    expect(detectDelimiter('Section,Sens,Montant\n', score)).toBe(',');
    expect(detectDelimiter('Section\tSens\tMontant\n', score)).toBe('\t');
  });

  it('finds the header under a title line', () => {
    expect(detectDelimiter('Budget 2024, Cotonou\nSection;Sens;Montant\n', score)).toBe(';');
  });
});

describe('readCsv', () => {
  it('numbers lines as a person sees them, even around quoted line breaks and blank lines', () => {
    const text = 'a;b\r\n\r\n"deux\r\nlignes";2\r\n;;\r\nc;"d ""cité"""\r\n\r\n\r\n';
    expect(readCsv(text, ';')).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['deux\nlignes', '2'] },
        { line: 6, cells: ['c', 'd "cité"'] },
      ],
      errors: [],
    });
  });

  it('keeps quotes inside unquoted cells', () => {
    expect(readCsv('Construction d\'un "module" de classes;1\n', ';').rows[0].cells[0]).toBe('Construction d\'un "module" de classes');
  });

  it('reports a quote never closed, keeping the lines before it', () => {
    const { rows, errors } = readCsv('a;b\nc;d\n"e;f\ng;h\n', ';');
    expect(rows.map((row) => row.line)).toEqual([1, 2]);
    expect(errors).toEqual([{ line: 3, column: null, message: 'Guillemet « " » jamais fermé : le fichier n\'a pas pu être lu à partir de cette ligne' }]);
  });
});

describe('readXlsx', () => {
  it('reads the first sheet with Excel row numbers, merged values, formulas and dates', async () => {
    const file = await xlsxFile(
      [
        ['Section', 'Montant', 'Date'],
        ['Fonctionnement', 1000, day('2024-12-31')],
        [null, { formula: 'B4*2', result: 2000 }, null],
        [null, { formula: 'B4*3' }, null],
      ],
      { titles: ['Budget primitif 2024'], mergeWidth: 3, merges: ['A4:A6'] },
    );
    const table = await readXlsx(file.bytes);
    expect(table).toEqual({
      rows: [
        { line: 1, cells: ['Budget primitif 2024', 'Budget primitif 2024', 'Budget primitif 2024'] },
        { line: 3, cells: ['Section', 'Montant', 'Date'] },
        { line: 4, cells: ['Fonctionnement', 1000, day('2024-12-31')] },
        { line: 5, cells: ['Fonctionnement', 2000, null] },
        { line: 6, cells: ['Fonctionnement', null, null] }, // formula never computed: no value
      ],
    });
  });

  it('returns an error for a damaged workbook', async () => {
    expect(await readXlsx(Buffer.from('PK\x03\x04 not really a zip'))).toEqual({ error: expect.stringContaining('Classeur Excel illisible') });
  });
});
