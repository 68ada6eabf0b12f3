import { InvalidConfigurationError } from '@communes/api-core';

/**
 * Which search engine the API uses (DESIGN.md "Runtime"): PostgreSQL full-text search by
 * default (embedded, nothing to run), Meilisearch in production.
 *
 * | variable              | meaning                                                          |
 * |-----------------------|------------------------------------------------------------------|
 * | `SEARCH_ENGINE`       | `postgres` (default) or `meilisearch`                             |
 * | `MEILISEARCH_URL`     | http(s) URL of the server; required with `meilisearch`            |
 * | `MEILISEARCH_API_KEY` | its API key; required with `meilisearch` when NODE_ENV=production |
 */
export type SearchConfig = { engine: 'postgres' } | { engine: 'meilisearch'; url: string; apiKey?: string };

export function loadSearchConfig(env: Record<string, string | undefined> = process.env): SearchConfig {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const engine = value('SEARCH_ENGINE') ?? 'postgres';
  if (engine === 'postgres') return { engine };
  if (engine !== 'meilisearch') {
    throw invalid([`SEARCH_ENGINE must be "postgres" or "meilisearch", not ${JSON.stringify(engine)}`]);
  }

  const problems: string[] = [];
  const url = value('MEILISEARCH_URL');
  const apiKey = value('MEILISEARCH_API_KEY');
  if (!url) problems.push('MEILISEARCH_URL is required when SEARCH_ENGINE=meilisearch');
  else if (!isHttpUrl(url)) problems.push('MEILISEARCH_URL must be an http(s) URL');
  if (!apiKey && env['NODE_ENV'] === 'production') {
    problems.push('MEILISEARCH_API_KEY is required in production (a Meilisearch without a master key is open to anyone)');
  }
  if (problems.length > 0 || !url) throw invalid(problems);
  return apiKey ? { engine, url, apiKey } : { engine, url };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function invalid(problems: string[]): InvalidConfigurationError {
  return new InvalidConfigurationError(`Invalid search configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
