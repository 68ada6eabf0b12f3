import { OpenDataExportError, normalizeXofInteger, toIsoDateTime, xofToNumber } from './values';

describe('toIsoDateTime', () => {
  it.each([
    ['2024-12-31', '2024-12-31T00:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2024-12-31T10:00:00Z', '2024-12-31T10:00:00Z'],
    ['2024-12-31T10:00:00.250Z', '2024-12-31T10:00:00.250Z'],
    ['2025-01-01T00:30:00+01:00', '2024-12-31T23:30:00Z'],
    ['2024-12-31T10:00+01:00', '2024-12-31T09:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDateTime(input, 'date')).toBe(expected);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-02-30T10:00:00Z', '2024-12-31T24:00:00Z', '2024-12-31T10:00:00', '31/12/2024', ''])(
    'refuses %p',
    (input) => {
      expect(() => toIsoDateTime(input, 'awardDate')).toThrow(OpenDataExportError);
    },
  );
});

describe('xofToNumber', () => {
  it('converts integer strings exactly, up to Number.MAX_SAFE_INTEGER', () => {
    expect(xofToNumber('0', 'x')).toBe(0);
    expect(xofToNumber('0012500', 'x')).toBe(12500);
    expect(xofToNumber('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses anything else loudly', () => {
    expect(() => xofToNumber('9007199254740992', 'contract X')).toThrow(/contract X: .*MAX_SAFE_INTEGER/);
    for (const bad of ['', '1e6', '12.5', '-1', ' 12', '1 000']) {
      expect(() => xofToNumber(bad, 'x')).toThrow(OpenDataExportError);
    }
  });
});

describe('normalizeXofInteger', () => {
  it('keeps any integer exactly, in canonical form', () => {
    expect(normalizeXofInteger('000125', 'x')).toBe('125');
    expect(normalizeXofInteger('-5000', 'x')).toBe('-5000');
    expect(normalizeXofInteger('-0', 'x')).toBe('0');
    expect(normalizeXofInteger('123456789012345678901234', 'x')).toBe('123456789012345678901234');
  });

  it('refuses non-integers', () => {
    for (const bad of ['', '12.0', '1,5', '+3', '1e3']) {
      expect(() => normalizeXofInteger(bad, 'x')).toThrow(OpenDataExportError);
    }
  });
});
