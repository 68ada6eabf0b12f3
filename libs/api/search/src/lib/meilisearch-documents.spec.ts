import { fromMeilisearchDocument, fromMeilisearchId, toMeilisearchDocument, toMeilisearchId } from './meilisearch-documents';
import { searchRecordHash } from './search-validation';
import { AGENDA_REDDITION, CONTRACT_ZOGBO, SEARCH_CORPUS } from './testing/search-fixtures';

describe('Meilisearch documents', () => {
  it('encodes `kind:uuid` ids with Meilisearch-safe characters, reversibly', () => {
    expect(toMeilisearchId('contract:0b6e2c3a-1d4f-4a8b-9c01-000000000004')).toBe('contract__0b6e2c3a-1d4f-4a8b-9c01-000000000004');
    expect(toMeilisearchId('budget_line:abc-1')).toBe('budget_line__abc-1');
    for (const record of SEARCH_CORPUS) {
      const encoded = toMeilisearchId(record.id);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(fromMeilisearchId(encoded)).toBe(record.id);
    }
    expect(() => toMeilisearchId('no-kind')).toThrow();
    expect(() => toMeilisearchId('document:a b')).toThrow();
  });

  it('round-trips every record, keeping the exact amount as a string', () => {
    for (const record of SEARCH_CORPUS) {
      expect(fromMeilisearchDocument(toMeilisearchDocument(record))).toEqual(record);
    }
    expect(toMeilisearchDocument(CONTRACT_ZOGBO)).toMatchObject({
      id: 'contract__0b6e2c3a-1d4f-4a8b-9c01-000000000004',
      recordId: CONTRACT_ZOGBO.id,
      amount: '45000000',
      amountValue: 45000000,
      hash: searchRecordHash(CONTRACT_ZOGBO),
    });
  });

  it('leaves null fields out so that Meilisearch sorts them last', () => {
    const document = toMeilisearchDocument(AGENDA_REDDITION);
    for (const field of ['category', 'fiscalYear', 'amount', 'amountValue', 'date']) {
      expect(document).not.toHaveProperty(field);
    }
  });

  it('documents the precision limit: amountValue is a float beyond 2^53', () => {
    const huge = { ...CONTRACT_ZOGBO, amount: '9007199254740993' };
    const document = toMeilisearchDocument(huge);
    expect(document.amount).toBe('9007199254740993');
    expect(document.amountValue).toBe(9007199254740992);
    expect(fromMeilisearchDocument(document).amount).toBe('9007199254740993');
  });
});
