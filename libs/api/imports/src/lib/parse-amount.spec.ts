import { parseAmountXof } from './parse-amount';

describe('parseAmountXof', () => {
  it.each([
    ['1234567', '1234567'],
    ['1 234 567', '1234567'],
    ['1\u00a0234\u00a0567', '1234567'], // non-breaking spaces (Excel, Word)
    ['1\u202f234\u202f567', '1234567'], // narrow no-break spaces (French typography)
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1 234 567,00 FCFA', '1234567'],
    ['1.234.567,00', '1234567'],
    ['1,234,567.00', '1234567'],
    ['1234567 F CFA', '1234567'],
    ['1234567 F.CFA', '1234567'],
    ['1 234 567 F', '1234567'],
    ['XOF 1 234 567', '1234567'],
    ["1'234'567", '1234567'],
    ['  250 000  ', '250000'],
    ['0', '0'],
    ['0,00', '0'],
    ['007', '7'],
    ['-5 000', '-5000'],
    ['(5 000)', '-5000'],
    ['-0', '0'],
    ['9 223 372 036 854 775 807', '9223372036854775807'], // PostgreSQL bigint maximum, beyond 2^53
  ])('reads %j as %s', (text, expected) => {
    expect(parseAmountXof(text)).toEqual({ ok: true, value: expected });
  });

  it('reads spreadsheet numbers, tolerating float residue but not fractions', () => {
    expect(parseAmountXof(1234567)).toEqual({ ok: true, value: '1234567' });
    expect(parseAmountXof(1234567.0)).toEqual({ ok: true, value: '1234567' });
    expect(parseAmountXof(0.1 * 3 * 10)).toEqual({ ok: true, value: '3' });
    expect(parseAmountXof(-250)).toEqual({ ok: true, value: '-250' });
    expect(parseAmountXof(12.5)).toEqual({ ok: false, message: "Montant avec des centimes : « 12,5 » (le franc CFA n'a pas de centimes)" });
    expect(parseAmountXof(Number.NaN)).toMatchObject({ ok: false, message: 'Montant illisible : « NaN »' });
    expect(parseAmountXof(2 ** 60)).toMatchObject({ ok: false, message: expect.stringContaining('Montant trop grand') });
  });

  it.each(['12,5,0', '1.234,567', '1 234.567.890', '12 5', '1234.567', '1,2345', 'abc', '12 000 EUR', '1 000 000 000 000 000 000 000', '#N/A', '--5'])(
    'refuses %j',
    (text) => {
      const result = parseAmountXof(text);
      expect(result.ok).toBe(false);
    },
  );

  it('says what is wrong, quoting the value', () => {
    expect(parseAmountXof('12,5,0')).toEqual({ ok: false, message: 'Montant illisible : « 12,5,0 »' });
    expect(parseAmountXof('1 250,50')).toEqual({ ok: false, message: "Montant avec des centimes : « 1 250,50 » (le franc CFA n'a pas de centimes)" });
    expect(parseAmountXof('99999999999999999999')).toEqual({ ok: false, message: 'Montant trop grand : « 99999999999999999999 »' });
    expect(parseAmountXof('  ')).toEqual({ ok: false, message: 'Montant manquant' });
    expect(parseAmountXof(null)).toEqual({ ok: false, message: 'Montant manquant' });
  });
});
