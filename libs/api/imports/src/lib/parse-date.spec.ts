import { parseFrenchDate } from './parse-date';

describe('parseFrenchDate', () => {
  it.each([
    ['31/12/2024', '2024-12-31'],
    ['31-12-2024', '2024-12-31'],
    ['31.12.2024', '2024-12-31'],
    ['1/2/2024', '2024-02-01'],
    ['2024-12-31', '2024-12-31'],
    ['2024/12/31', '2024-12-31'],
    [' 29/02/2024 ', '2024-02-29'], // leap year
    ['31/12/2024 00:00', '2024-12-31'],
    ['2024-12-31T00:00:00Z', '2024-12-31'],
    ['31 décembre 2024', '2024-12-31'],
    ['1er août 2024', '2024-08-01'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseFrenchDate(text)).toEqual({ ok: true, value: expected });
  });

  it('reads spreadsheet date cells and bare Excel serial numbers', () => {
    expect(parseFrenchDate(new Date(Date.UTC(2024, 11, 31)))).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseFrenchDate(45657)).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseFrenchDate(45657.75)).toEqual({ ok: true, value: '2024-12-31' }); // time of day ignored
  });

  it('refuses impossible days', () => {
    expect(parseFrenchDate('31/02/2024')).toEqual({ ok: false, message: "Date invalide : « 31/02/2024 » (ce jour n'existe pas)" });
    expect(parseFrenchDate('29/02/2023').ok).toBe(false);
    expect(parseFrenchDate('12/13/2024').ok).toBe(false); // month-first (US) dates are not guessed
    expect(parseFrenchDate('00/01/2024').ok).toBe(false);
  });

  it('refuses what it cannot read, saying what it expects', () => {
    expect(parseFrenchDate('31/12/24')).toEqual({ ok: false, message: 'Date illisible : « 31/12/24 » (attendu : JJ/MM/AAAA)' });
    expect(parseFrenchDate('demain').ok).toBe(false);
    expect(parseFrenchDate('31 foo 2024').ok).toBe(false);
    expect(parseFrenchDate('31/12/1850')).toEqual({ ok: false, message: 'Date hors limites : « 31/12/1850 »' });
    expect(parseFrenchDate(-3).ok).toBe(false);
    expect(parseFrenchDate('')).toEqual({ ok: false, message: 'Date manquante' });
    expect(parseFrenchDate(null)).toEqual({ ok: false, message: 'Date manquante' });
  });
});
