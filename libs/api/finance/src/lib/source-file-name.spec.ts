import { withExtension } from './source-file-name';

describe('withExtension', () => {
  it('keeps the name people gave the file, ending with the format read from its bytes', () => {
    expect(withExtension('Budget primitif 2025.xlsx', 'xlsx')).toBe('Budget primitif 2025.xlsx');
    expect(withExtension('BP 2025.XLSX', 'xlsx')).toBe('BP 2025.XLSX');
    expect(withExtension('budget.txt', 'csv')).toBe('budget.csv');
    expect(withExtension('budget', 'csv')).toBe('budget.csv');
    expect(withExtension('Budget v1.2 final', 'csv')).toBe('Budget v1.2 final.csv');
  });

  it('drops path parts, quotes and control characters', () => {
    expect(withExtension('C:\\Users\\maire\\"budget"\u0007.csv', 'csv')).toBe('budget.csv');
    expect(withExtension('../../', 'xlsx')).toBe('budget.xlsx');
  });
});
