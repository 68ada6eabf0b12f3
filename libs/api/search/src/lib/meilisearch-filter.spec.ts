import { buildMeilisearchFilter, quote } from './meilisearch-filter';

describe('buildMeilisearchFilter', () => {
  it('is undefined without filters, and ignores empty lists', () => {
    expect(buildMeilisearchFilter({})).toBeUndefined();
    expect(buildMeilisearchFilter({ communeSlugs: [], kinds: [], fiscalYears: [] })).toBeUndefined();
  });

  it('turns each list into IN [...] and joins filters with AND', () => {
    expect(
      buildMeilisearchFilter({
        communeIds: ['6f1c1b0e-2a3d-4c55-9a1e-0c0f00000001'],
        communeSlugs: ['cotonou', 'abomey-calavi'],
        departments: ['Ouémé'],
        kinds: ['contract', 'budget_line'],
        categories: ['works'],
        fiscalYears: [2024, 2025],
      }),
    ).toBe(
      'communeId IN ["6f1c1b0e-2a3d-4c55-9a1e-0c0f00000001"] AND communeSlug IN ["cotonou", "abomey-calavi"]' +
        ' AND department IN ["Ouémé"] AND kind IN ["contract", "budget_line"] AND category IN ["works"]' +
        ' AND fiscalYear IN [2024, 2025]',
    );
  });

  it('quotes every string so that a value cannot change the expression', () => {
    expect(quote('plain')).toBe('"plain"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('back\\slash')).toBe('"back\\\\slash"');
    expect(buildMeilisearchFilter({ departments: ['x" OR kind = "document'] })).toBe(
      'department IN ["x\\" OR kind = \\"document"]',
    );
    expect(buildMeilisearchFilter({ categories: ['a\\" OR 1 = 1'] })).toBe('category IN ["a\\\\\\" OR 1 = 1"]');
  });

  it('filters amounts as an inclusive numeric range', () => {
    expect(buildMeilisearchFilter({ amountMin: '10000000' })).toBe('amountValue >= 10000000');
    expect(buildMeilisearchFilter({ amountMax: '50000000' })).toBe('amountValue <= 50000000');
    expect(buildMeilisearchFilter({ kinds: ['contract'], amountMin: '0', amountMax: '45000000' })).toBe(
      'kind IN ["contract"] AND amountValue >= 0 AND amountValue <= 45000000',
    );
  });

  it('refuses amounts that are not integers or that Meilisearch cannot compare exactly', () => {
    expect(() => buildMeilisearchFilter({ amountMin: '12.5' })).toThrow(RangeError);
    expect(() => buildMeilisearchFilter({ amountMin: '1e9' })).toThrow(RangeError);
    expect(buildMeilisearchFilter({ amountMax: '9007199254740991' })).toBe('amountValue <= 9007199254740991');
    expect(() => buildMeilisearchFilter({ amountMax: '9007199254740993' })).toThrow(/2\^53/);
  });

  it('refuses fiscal years that are not integers', () => {
    expect(() => buildMeilisearchFilter({ fiscalYears: [2024.5] })).toThrow(RangeError);
  });
});
