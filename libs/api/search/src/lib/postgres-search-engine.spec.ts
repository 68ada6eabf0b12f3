import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@communes/api-database/testing';
import { PostgresSearchEngine } from './postgres-search-engine';
import { describeSearchEngineContract } from './testing/search-engine.contract';
import { CONTRACT_ZOGBO, LINE_LATRINES, LINE_ROUTES, SEARCH_CORPUS } from './testing/search-fixtures';

/** A real PostgreSQL (api-database's global setup), reached as the application role. */
async function connect(): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase();
  const dataSource = new DataSource({ type: 'postgres', url: db.appUrl, entities: [], logging: ['error'] });
  await dataSource.initialize();
  return { db, dataSource };
}

describeSearchEngineContract('PostgreSQL', async () => {
  const { db, dataSource } = await connect();
  return {
    engine: new PostgresSearchEngine(dataSource),
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
});

describe('PostgreSQL search specifics', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let engine: PostgresSearchEngine;

  beforeAll(async () => {
    ({ db, dataSource } = await connect());
    engine = new PostgresSearchEngine(dataSource);
    await engine.upsert(SEARCH_CORPUS);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('understands web-search syntax: "phrase" and -excluded', async () => {
    const result = await engine.search({ q: '"budget primitif" -cotonou', sort: 'relevance', page: 1, pageSize: 50 });
    expect(result.hits.map((h) => h.record.id).sort()).toEqual([LINE_LATRINES.id, LINE_ROUTES.id].sort());
  });

  it('treats a query of stop words only as empty', async () => {
    const result = await engine.search({ q: 'de la', sort: 'relevance', page: 1, pageSize: 5 });
    expect(result.total).toBe(SEARCH_CORPUS.length);
  });

  it('corrects a misspelt word from the vocabulary of indexed words, kept up to date on every write', async () => {
    expect(await vocabularyHas('construction', 'zogbo', 'cotonou')).toBe(true);
    const before = await engine.search({ q: 'Tchaourouu', sort: 'relevance', page: 1, pageSize: 5 });
    expect(before.total).toBe(0);
    await engine.upsert([{ ...CONTRACT_ZOGBO, id: 'contract:tchaourou-1', title: 'Forage à Tchaourou' }]);
    expect(await vocabularyHas('tchaourou')).toBe(true);
    const after = await engine.search({ q: 'Tchaourouu', sort: 'relevance', page: 1, pageSize: 5 });
    expect(after.hits.map((hit) => hit.record.id)).toEqual(['contract:tchaourou-1']);
    await engine.remove(['contract:tchaourou-1']);
  });

  it('does not correct a word that records contain', async () => {
    // "routes" is indexed: its neighbours ("route", "toutes"…) must not widen the search.
    const result = await engine.search({ q: 'routes', sort: 'relevance', page: 1, pageSize: 50 });
    expect(result.hits.map((hit) => hit.record.id)).toEqual([LINE_ROUTES.id]);
  });

  async function vocabularyHas(...words: string[]): Promise<boolean> {
    const rows = await dataSource.query<{ n: number }[]>('select count(*)::int as n from search_vocabulary where word = any($1)', [words]);
    return rows[0].n === words.length;
  }
});

describe('PostgreSQL search: a bounded window of matches', () => {
  const WINDOW = 5;
  let db: TestDatabase;
  let dataSource: DataSource;
  let engine: PostgresSearchEngine;

  beforeAll(async () => {
    ({ db, dataSource } = await connect());
    engine = new PostgresSearchEngine(dataSource, WINDOW);
    await engine.upsert(SEARCH_CORPUS);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('counts up to the window and says when more records match', async () => {
    const all = await engine.search({ q: '', sort: 'relevance', page: 1, pageSize: 2 });
    expect(SEARCH_CORPUS.length).toBeGreaterThan(WINDOW);
    expect(all).toMatchObject({ total: WINDOW, exhaustive: false });
    expect(all.facets.kinds.reduce((sum, facet) => sum + facet.count, 0)).toBe(WINDOW);
    const narrow = await engine.search({ q: '', communeSlugs: ['abomey-calavi'], sort: 'relevance', page: 1, pageSize: 2 });
    expect(narrow.exhaustive).toBe(true);
    expect(narrow.total).toBeLessThanOrEqual(WINDOW);
  });

  it('pages through the window without overlap, in every sort', async () => {
    for (const sort of ['relevance', 'date', 'amount'] as const) {
      for (const q of ['', 'budget']) {
        const seen: string[] = [];
        for (let page = 1; page <= 3; page++) {
          const result = await engine.search({ q, sort, page, pageSize: 2 });
          seen.push(...result.hits.map((hit) => hit.record.id));
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeLessThanOrEqual(WINDOW);
      }
    }
  });

  it('takes the first matches in the sort order for date and amount', async () => {
    const everything = await new PostgresSearchEngine(dataSource).search({ q: '', sort: 'amount', page: 1, pageSize: WINDOW });
    const windowed = await engine.search({ q: '', sort: 'amount', page: 1, pageSize: WINDOW });
    expect(windowed.hits.map((hit) => hit.record.id)).toEqual(everything.hits.map((hit) => hit.record.id));
  });
});

describe('search_records row-level security', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: Client;

  beforeAll(async () => {
    ({ db, dataSource } = await connect());
    await new PostgresSearchEngine(dataSource).upsert([CONTRACT_ZOGBO]);
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
  });

  afterAll(async () => {
    await app.end();
    await dataSource.destroy();
    await db.drop();
  });

  async function asScope<T>(scope: string | null, work: () => Promise<T>): Promise<T> {
    await app.query('begin');
    try {
      if (scope) await app.query(`select set_config('app.scope', $1, true)`, [scope]);
      return await work();
    } finally {
      await app.query('rollback');
    }
  }

  it('is readable by anyone, with or without a scope', async () => {
    for (const scope of [null, 'public', 'staff']) {
      const rows = await asScope(scope, () => app.query('select id from search_records'));
      expect(rows.rows).toEqual([{ id: CONTRACT_ZOGBO.id }]);
    }
  });

  it('is written only in the indexer scope', async () => {
    for (const scope of [null, 'public', 'staff', 'platform']) {
      await expect(
        asScope(scope, () =>
          app.query(`insert into search_records (id, kind, commune_id, commune_slug, commune_name, department, title, url, content_hash)
                     values ('document:x1', 'document', $1, 'cotonou', 'Cotonou', 'Littoral', 'Intrus', '/x', 'h')`, [
            CONTRACT_ZOGBO.communeId,
          ]),
        ),
      ).rejects.toThrow(/row-level security/);
      const changed = await asScope(scope, async () => {
        const updated = await app.query(`update search_records set title = 'Modifié'`);
        const deleted = await app.query('delete from search_records');
        return (updated.rowCount ?? 0) + (deleted.rowCount ?? 0);
      });
      expect(changed).toBe(0);
    }
  });

  it('keeps the vocabulary read-only for the app role, whatever the scope', async () => {
    for (const scope of [null, 'public', 'indexer']) {
      await expect(asScope(scope, () => app.query(`insert into search_vocabulary (word) values ('intrus')`))).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it('has RLS enabled and forced', async () => {
    const table = await app.query(
      `select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where relname = 'search_records'`,
    );
    expect(table.rows).toEqual([{ enabled: true, forced: true }]);
  });
});
