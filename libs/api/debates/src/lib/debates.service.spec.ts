import { debateSearchId } from './debates.service';

describe('debateSearchId', () => {
  it('prefixes the kind, as the search index expects', () => {
    expect(debateSearchId('0b6e2c3a-1d4f-4a8b-9c01-000000000011')).toBe('debate:0b6e2c3a-1d4f-4a8b-9c01-000000000011');
  });
});
