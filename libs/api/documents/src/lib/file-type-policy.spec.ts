import { detectAllowedType } from './file-type-policy';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('detectAllowedType', () => {
  it.each([
    ['a PDF named .pdf', PDF, 'budget-2025.pdf', 'application/pdf'],
    ['a PDF named .docx (the bytes win)', PDF, 'budget.docx', 'application/pdf'],
    ['a PDF with no extension', PDF, 'budget', 'application/pdf'],
    ['a PNG scan', PNG, 'pv-session.png', 'image/png'],
    ['a Word file (ZIP container named .docx)', ZIP, 'deliberation.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel file (ZIP container named .xlsx)', ZIP, 'budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an old Excel file (OLE named .xls)', OLE, 'budget.xls', 'application/vnd.ms-excel'],
    ['a PDF named .csv (the bytes win)', PDF, 'budget.csv', 'application/pdf'],
    ['a CSV table named .csv', Buffer.from('Section;Sens;Code;Libellé;Montant\n'), 'budget.csv', 'text/csv'],
  ])('accepts %s', (_label, bytes, name, mediaType) => {
    expect(detectAllowedType(bytes, name)?.mediaType).toBe(mediaType);
  });

  it.each([
    ['an executable named .pdf', EXE, 'budget.pdf'],
    ['HTML named .pdf', HTML, 'budget.pdf'],
    ['a bare ZIP archive', ZIP, 'archive.zip'],
    ['a ZIP named .pdf', ZIP, 'budget.pdf'],
    ['plain text', Buffer.from('Budget primitif 2025'), 'budget.pdf'],
    ['empty bytes', Buffer.alloc(0), 'budget.pdf'],
    ['HTML named .csv', HTML, 'budget.csv'],
    ['binary bytes named .csv', Buffer.from([0x01, 0x00, 0x02, 0x00]), 'budget.csv'],
  ])('refuses %s', (_label, bytes, name) => {
    expect(detectAllowedType(bytes, name)).toBeNull();
  });
});
