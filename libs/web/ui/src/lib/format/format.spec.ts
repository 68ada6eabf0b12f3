import { formatDate, formatFcfa, formatNumber } from './format';

/** Intl writes French groups with narrow no-break spaces; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

describe('formatting', () => {
  it('writes FCFA amounts the French way, and the English way', () => {
    expect(plain(formatFcfa(1234567, 'fr-FR'))).toBe('1 234 567 FCFA');
    expect(plain(formatFcfa('98000000000', 'fr-FR'))).toBe(
      '98 000 000 000 FCFA',
    );
    expect(plain(formatFcfa(1234567, 'en-GB'))).toBe('1,234,567 FCFA');
    expect(plain(formatFcfa(0, 'fr-FR'))).toBe('0 FCFA');
  });

  it('never lets an amount wrap between its digits and FCFA', () => {
    expect(formatFcfa(1234567, 'fr-FR')).not.toMatch(/ /);
  });

  it('gives nothing for a missing or invalid amount', () => {
    expect(formatFcfa(null, 'fr-FR')).toBe('');
    expect(formatFcfa(undefined, 'fr-FR')).toBe('');
    expect(formatFcfa('abc', 'fr-FR')).toBe('');
    expect(formatNumber('', 'fr-FR')).toBe('');
  });

  it('formats dates per locale, keeping a calendar date on its day', () => {
    expect(formatDate('2026-03-15', 'fr-FR')).toBe('15 mars 2026');
    expect(formatDate('2026-03-15', 'en-GB')).toBe('15 March 2026');
    expect(formatDate('2026-03-15', 'fr-FR', 'short')).toBe('15/03/2026');
    expect(formatDate('2026-03-15T09:30:00Z', 'fr-FR', 'datetime')).toMatch(
      /^15 mars 2026 (à )?10:30$/,
    );
    expect(formatDate('pas une date', 'fr-FR')).toBe('');
    expect(formatDate(null, 'fr-FR')).toBe('');
  });
});
