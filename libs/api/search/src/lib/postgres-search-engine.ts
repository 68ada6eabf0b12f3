import type { SearchKind, SearchRecord } from '@communes/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';
import { HIGHLIGHT_END, HIGHLIGHT_START, toSafeHighlight } from './highlight';
import {
  FacetValue,
  IndexedFingerprint,
  SearchEngine,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './search-engine';
import { prepareUpsert, searchRecordHash, sortFacetValues, validateSearchQuery, ValidSearchQuery } from './search-validation';

/**
 * Search on PostgreSQL full-text search, in the `search_records` table (migration
 * 1763900000000-search): the embedded default.
 *
 * Each call runs in its own transaction that sets `app.scope` itself (`indexer` to write,
 * `public` to read), so the engine works the same from a request, the outbox worker or a
 * command, and never joins a request's tenant transaction.
 *
 * Text matching, for a query without operators: every word of the query must be found in the
 * record, either as a French lexeme (accents ignored, stemmed: "ecoles" finds "école") anywhere
 * in it, or — for words of 5 letters or more, like Meilisearch's typo rule — as a word similar
 * (pg_trgm `<%`, word similarity ≥ 0.6) to one of the title or commune name ("constructon"
 * finds "Construction"). A query using web-search syntax ("quoted phrase", -excluded, or) goes
 * to `websearch_to_tsquery` as it is, without typo tolerance.
 */
export class PostgresSearchEngine extends SearchEngine {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async upsert(records: readonly SearchRecord[]): Promise<void> {
    const batch = prepareUpsert(records);
    if (batch.length === 0) return;
    await this.inTransaction('indexer', async (db) => {
      for (let start = 0; start < batch.length; start += UPSERT_CHUNK) {
        const chunk = batch.slice(start, start + UPSERT_CHUNK).map((record) => ({ ...record, hash: searchRecordHash(record) }));
        // One parameter holding the whole chunk as JSON; an unchanged record (same hash) is not rewritten.
        await db.query(
          `insert into search_records as s (id, kind, commune_id, commune_slug, commune_name, department, title, body,
                                            category, fiscal_year, amount, record_date, url, content_hash)
           select r.id, r.kind, r."communeId", r."communeSlug", r."communeName", r.department, r.title, r.body,
                  r.category, r."fiscalYear", r.amount, r.date, r.url, r.hash
           from jsonb_to_recordset($1::jsonb) as r(id text, kind text, "communeId" uuid, "communeSlug" text,
             "communeName" text, department text, title text, body text, category text, "fiscalYear" integer,
             amount bigint, date text, url text, hash text)
           on conflict (id) do update set
             kind = excluded.kind, commune_id = excluded.commune_id, commune_slug = excluded.commune_slug,
             commune_name = excluded.commune_name, department = excluded.department, title = excluded.title,
             body = excluded.body, category = excluded.category, fiscal_year = excluded.fiscal_year,
             amount = excluded.amount, record_date = excluded.record_date, url = excluded.url,
             content_hash = excluded.content_hash, indexed_at = now()
           where s.content_hash is distinct from excluded.content_hash`,
          [JSON.stringify(chunk)],
        );
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.inTransaction('indexer', (db) => db.query('delete from search_records where id = any($1::text[])', [[...ids]]));
  }

  async removeAll(): Promise<void> {
    // DELETE rather than TRUNCATE: it obeys the RLS policies and needs no extra privilege.
    await this.inTransaction('indexer', (db) => db.query('delete from search_records'));
  }

  async count(): Promise<number> {
    const rows = await this.inTransaction('public', (db) =>
      db.query<{ n: number }>('select count(*)::int as n from search_records'),
    );
    return rows[0]?.n ?? 0;
  }

  async *fingerprints(pageSize = 1000): AsyncIterable<IndexedFingerprint> {
    // Keyset paging on the primary key: each page is its own short transaction.
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const rows: IndexedFingerprint[] = await this.inTransaction('public', (db) =>
        db.query<IndexedFingerprint>(
          `select id, content_hash as hash from search_records
           where $1::text is null or id > $1::text order by id limit $2`,
          [cursor, pageSize],
        ),
      );
      yield* rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  async search(input: SearchQuery): Promise<SearchResult> {
    const query = validateSearchQuery(input);
    return this.inTransaction('public', async (db) => {
      const text = await this.textMatch(db, query.q);
      const where = buildWhere(query, text);
      const hits = await this.hits(db, query, text, where);
      const facets = await this.facets(db, where);
      return { hits, total: facets.total, facets: facets.facets, page: query.page, pageSize: query.pageSize };
    });
  }

  /** Decides how the text is matched (see the class comment); null when there is nothing to match. */
  private async textMatch(db: Db, q: string): Promise<TextMatch | null> {
    if (q === '') return null;
    if (WEB_SEARCH_OPERATORS.test(q)) return { mode: 'websearch', q, rankText: q, words: [] };
    // Stop words ("de", "l'", "à"…) would match nothing as a lexeme: leave them out here.
    const candidates = [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 2).slice(0, MAX_WORDS);
    const rows = await db.query<{ word: string }>(
      `select word from unnest($1::text[]) with ordinality as w(word, n)
       where numnode(plainto_tsquery(${CONFIG}, word)) > 0 order by n`,
      [candidates],
    );
    const words = rows.map((row) => row.word);
    if (words.length === 0) return null;
    return { mode: 'words', q, rankText: words.join(' or '), words };
  }

  private async hits(db: Db, query: ValidSearchQuery, text: TextMatch | null, where: Where): Promise<SearchHit[]> {
    const params = [...where.params];
    const add = (value: unknown) => `$${params.push(value)}`;
    // Relevance: cover density of the query's words (0..1) plus trigram closeness of the title.
    const score = text
      ? `ts_rank_cd(r.search_vector, websearch_to_tsquery(${CONFIG}, ${add(text.rankText)}), 32)
         + word_similarity(lower(immutable_unaccent(${add(text.q)})), r.trigram_text)`
      : '0';
    // The same ORDER BY inside (to pick the page) and outside (to keep it): its names resolve to
    // the subquery's columns there, hence `amount_text` for the formatted amount.
    const order = orderBy(query, text !== null);
    // Highlights come from the ORIGINAL text: french_unaccent normalizes each word of it the way
    // the query was normalized, so "école" is marked for "ecole". Markers, then escaping, in toSafeHighlight.
    const highlights = text
      ? `ts_headline(${CONFIG}, r.title, websearch_to_tsquery(${CONFIG}, ${add(text.rankText)}), ${add(TITLE_HEADLINE)}) as title_marked,
         ts_headline(${CONFIG}, r.body, websearch_to_tsquery(${CONFIG}, ${add(text.rankText)}), ${add(BODY_HEADLINE)}) as body_marked`
      : 'null as title_marked, null as body_marked';
    const offset = (query.page - 1) * query.pageSize;
    const rows = await db.query<HitRow>(
      `select r.id, r.kind, r.commune_id, r.commune_slug, r.commune_name, r.department, r.title, r.body,
              r.category, r.fiscal_year, r.amount::text as amount_text, r.record_date, r.url,
              ${highlights}
       from (select r.*, ${score} as score from search_records r
             where ${where.sql}
             order by ${order}
             limit ${add(query.pageSize)} offset ${add(offset)}) r
       order by ${order}`,
      params,
    );
    return rows.map((row) => ({
      record: {
        id: row.id,
        kind: row.kind,
        communeId: row.commune_id,
        communeSlug: row.commune_slug,
        communeName: row.commune_name,
        department: row.department,
        title: row.title,
        body: row.body,
        category: row.category,
        fiscalYear: row.fiscal_year,
        amount: row.amount_text,
        date: row.record_date,
        url: row.url,
      },
      highlights:
        row.title_marked === null || row.body_marked === null
          ? {}
          : { title: toSafeHighlight(row.title_marked), body: toSafeHighlight(row.body_marked) },
    }));
  }

  /** All facets and the total in one pass: one grouping set per facet, plus () for the total. */
  private async facets(db: Db, where: Where): Promise<{ total: number; facets: SearchFacets }> {
    const rows = await db.query<{ facet: keyof SearchFacets | 'total'; value: string | null; count: number }>(
      `select case when grouping(commune_slug) = 0 then 'communes'
                   when grouping(department) = 0 then 'departments'
                   when grouping(kind) = 0 then 'kinds'
                   when grouping(category) = 0 then 'categories'
                   when grouping(fiscal_year) = 0 then 'fiscalYears'
                   else 'total' end as facet,
              coalesce(commune_slug, department, kind, category, fiscal_year::text) as value,
              count(*)::int as count
       from search_records r
       where ${where.sql}
       group by grouping sets ((commune_slug), (department), (kind), (category), (fiscal_year), ())`,
      where.params,
    );
    const facets: Record<keyof SearchFacets, FacetValue[]> = {
      communes: [],
      departments: [],
      kinds: [],
      categories: [],
      fiscalYears: [],
    };
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = row.count;
      else if (row.value !== null) facets[row.facet].push({ value: row.value, count: row.count });
    }
    for (const values of Object.values(facets)) sortFacetValues(values);
    return { total, facets };
  }

  private inTransaction<T>(scope: 'indexer' | 'public', work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // Reads cannot write by mistake; settings are transaction-local (safe on a pooled connection).
      if (scope === 'public') {
        await manager.query('set transaction read only');
        // One broad query must not hold the database for everyone (tools/bench/README.md, search):
        // past this, PostgreSQL cancels it and the caller gets a 503 asking to narrow the search.
        await manager.query(`select set_config('statement_timeout', $1, true)`, [`${SEARCH_STATEMENT_TIMEOUT_MS}ms`]);
      }
      await manager.query(`select set_config('app.scope', $1, true)`, [scope]);
      return work({ query: <R>(sql: string, params: unknown[] = []) => manager.query<R[]>(sql, params) });
    });
  }
}

/** The text search configuration of the migration: french + unaccent (see there). */
const CONFIG = `'public.french_unaccent'::regconfig`;
const UPSERT_CHUNK = 200;
const SEARCH_STATEMENT_TIMEOUT_MS = 5000;
const MAX_WORDS = 12;
/** Words of at least this length may match with a typo (Meilisearch's default for one typo). */
const TYPO_MIN_LENGTH = 5;
/** A phrase in quotes, a word excluded with a leading dash, or `or` between words. */
const WEB_SEARCH_OPERATORS = /"|(^|\s)-\S|(^|\s)or(\s|$)/i;
const TITLE_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
const BODY_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

interface Db {
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

interface TextMatch {
  mode: 'websearch' | 'words';
  q: string;
  /** What ranks and highlights: the query itself, or its words joined with `or`. */
  rankText: string;
  words: string[];
}

interface Where {
  sql: string;
  params: unknown[];
}

interface HitRow {
  id: string;
  kind: SearchKind;
  commune_id: string;
  commune_slug: string;
  commune_name: string;
  department: string;
  title: string;
  body: string;
  category: string | null;
  fiscal_year: number | null;
  amount_text: string | null;
  record_date: string | null;
  url: string;
  title_marked: string | null;
  body_marked: string | null;
}

/** The WHERE clause shared by the hits and the facets: only the filters present, values as parameters. */
function buildWhere(query: ValidSearchQuery, text: TextMatch | null): Where {
  const params: unknown[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions: string[] = ['true'];
  if (text?.mode === 'websearch') {
    conditions.push(`r.search_vector @@ websearch_to_tsquery(${CONFIG}, ${add(text.q)})`);
  }
  for (const word of text?.mode === 'words' ? text.words : []) {
    const p = add(word);
    conditions.push(
      word.length >= TYPO_MIN_LENGTH
        ? `(r.search_vector @@ plainto_tsquery(${CONFIG}, ${p}) or immutable_unaccent(${p}) <% r.trigram_text)`
        : `r.search_vector @@ plainto_tsquery(${CONFIG}, ${p})`,
    );
  }
  const anyOf = (column: string, values: readonly unknown[] | undefined, type: string) => {
    if (values && values.length > 0) conditions.push(`${column} = any(${add([...values])}::${type}[])`);
  };
  anyOf('r.commune_id', query.communeIds, 'uuid');
  anyOf('r.commune_slug', query.communeSlugs, 'text');
  anyOf('r.department', query.departments, 'text');
  anyOf('r.kind', query.kinds, 'text');
  anyOf('r.category', query.categories, 'text');
  anyOf('r.fiscal_year', query.fiscalYears, 'int');
  if (query.amountMin !== undefined) conditions.push(`r.amount >= ${add(query.amountMin)}::bigint`);
  if (query.amountMax !== undefined) conditions.push(`r.amount <= ${add(query.amountMax)}::bigint`);
  return { sql: conditions.join('\n and '), params };
}

/** Sorts are total (id last) so that pages never overlap; records without a value come last. */
function orderBy(query: ValidSearchQuery, hasText: boolean): string {
  const direction = query.direction === 'asc' ? 'asc' : 'desc';
  switch (query.sort) {
    case 'amount':
      return `amount ${direction} nulls last, id`;
    case 'date':
      return `record_date collate "C" ${direction} nulls last, id`;
    case 'relevance':
      return hasText ? 'score desc, record_date collate "C" desc nulls last, id' : 'record_date collate "C" desc nulls last, id';
  }
}
