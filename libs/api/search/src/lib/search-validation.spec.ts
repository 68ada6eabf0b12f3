import { SearchQuery } from './search-engine';
import {
  InvalidSearchQueryError,
  InvalidSearchRecordError,
  prepareUpsert,
  searchRecordHash,
  validateSearchQuery,
  validateSearchRecord,
} from './search-validation';
import { CONTRACT_ZOGBO, SEARCH_CORPUS } from './testing/search-fixtures';

const QUERY: SearchQuery = { q: ' école ', sort: 'relevance', page: 1, pageSize: 20 };

describe('validateSearchQuery', () => {
  it('trims the text and defaults the direction', () => {
    expect(validateSearchQuery(QUERY)).toEqual({ ...QUERY, q: 'école', direction: 'desc' });
  });

  it('names every problem', () => {
    const bad = { ...QUERY, page: 0, pageSize: 51, sort: 'popularity', kinds: ['contrat'], amountMax: '1,5' } as unknown as SearchQuery;
    expect(() => validateSearchQuery(bad)).toThrow(InvalidSearchQueryError);
    expect(() => validateSearchQuery(bad)).toThrow(/page must.*sort must|sort must.*page must/);
    expect(() => validateSearchQuery(bad)).toThrow(/pageSize.*kinds.*amountMax/);
  });

  it('limits paging to the result window', () => {
    expect(() => validateSearchQuery({ ...QUERY, page: 20, pageSize: 50 })).not.toThrow();
    expect(() => validateSearchQuery({ ...QUERY, page: 21, pageSize: 50 })).toThrow(/first 1000 results/);
  });
});

describe('validateSearchRecord', () => {
  it('accepts the fixture corpus', () => {
    for (const record of SEARCH_CORPUS) expect(() => validateSearchRecord(record)).not.toThrow();
  });

  it.each([
    ['id without kind', { id: '0b6e2c3a' }],
    ['id of another kind', { id: 'document:0b6e2c3a' }],
    ['id with an underscore after the colon', { id: 'contract:a_b' }],
    ['amount with spaces', { amount: '45 000 000' }],
    ['amount with decimals', { amount: '45000000.50' }],
    ['amount beyond bigint', { amount: '9223372036854775808' }],
    ['commune id not a uuid', { communeId: 'cotonou' }],
    ['empty title', { title: ' ' }],
    ['date not ISO', { date: '12/03/2024' }],
    ['fiscal year not a year', { fiscalYear: 24 }],
  ])('refuses a record with %s', (_, change) => {
    expect(() => validateSearchRecord({ ...CONTRACT_ZOGBO, ...change })).toThrow(InvalidSearchRecordError);
  });
});

describe('prepareUpsert and searchRecordHash', () => {
  it('keeps the last record of each id', () => {
    const renamed = { ...CONTRACT_ZOGBO, title: 'Nouveau titre' };
    expect(prepareUpsert([CONTRACT_ZOGBO, SEARCH_CORPUS[0], renamed])).toEqual([SEARCH_CORPUS[0], renamed]);
  });

  it('changes with any field and only then', () => {
    expect(searchRecordHash({ ...CONTRACT_ZOGBO })).toBe(searchRecordHash(CONTRACT_ZOGBO));
    expect(searchRecordHash({ ...CONTRACT_ZOGBO, amount: '45000001' })).not.toBe(searchRecordHash(CONTRACT_ZOGBO));
    expect(searchRecordHash({ ...CONTRACT_ZOGBO, category: null })).not.toBe(searchRecordHash(CONTRACT_ZOGBO));
    expect(searchRecordHash(CONTRACT_ZOGBO)).toMatch(/^[0-9a-f]{64}$/);
  });
});
