import { InvalidConfigurationError } from '@communes/api-core';
import { loadSearchConfig } from './search-config';

describe('loadSearchConfig', () => {
  it('defaults to PostgreSQL', () => {
    expect(loadSearchConfig({})).toEqual({ engine: 'postgres' });
    expect(loadSearchConfig({ SEARCH_ENGINE: '' })).toEqual({ engine: 'postgres' });
    expect(loadSearchConfig({ SEARCH_ENGINE: 'postgres', MEILISEARCH_URL: 'http://ignored:7700' })).toEqual({ engine: 'postgres' });
  });

  it('reads the Meilisearch URL and key', () => {
    expect(loadSearchConfig({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://meili:7700', MEILISEARCH_API_KEY: 'k' })).toEqual({
      engine: 'meilisearch',
      url: 'http://meili:7700',
      apiKey: 'k',
    });
    expect(loadSearchConfig({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'https://search.example.bj' })).toEqual({
      engine: 'meilisearch',
      url: 'https://search.example.bj',
    });
  });

  it('names what is wrong', () => {
    expect(() => loadSearchConfig({ SEARCH_ENGINE: 'elastic' })).toThrow(InvalidConfigurationError);
    expect(() => loadSearchConfig({ SEARCH_ENGINE: 'elastic' })).toThrow(/SEARCH_ENGINE must be "postgres" or "meilisearch"/);
    expect(() => loadSearchConfig({ SEARCH_ENGINE: 'meilisearch' })).toThrow(/MEILISEARCH_URL is required/);
    expect(() => loadSearchConfig({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'meili:7700' })).toThrow(
      /MEILISEARCH_URL must be an http\(s\) URL/,
    );
  });

  it('requires an API key in production', () => {
    const env = { SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://meili:7700', NODE_ENV: 'production' };
    expect(() => loadSearchConfig(env)).toThrow(/MEILISEARCH_API_KEY is required in production/);
    expect(loadSearchConfig({ ...env, MEILISEARCH_API_KEY: 'k' })).toMatchObject({ apiKey: 'k' });
  });
});
