import type { SearchKind, SearchRecord } from '@communes/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';
import { HIGHLIGHT_END, HIGHLIGHT_START, toSafeHighlight } from './highlight';
import {
  FacetValue,
  IndexedFingerprint,
  MAX_RESULT_WINDOW,
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
 * record as a French lexeme (accents ignored, stemmed: "ecoles" finds "école"), or — for a word of
 * 5 letters or more that no indexed record contains, like Meilisearch's typo rule — one of its
 * corrections: the closest words of `search_vocabulary` by trigram similarity ("constructon" →
 * "construction"; migration 1764250000000). The query thus becomes one `tsquery` that the GIN
 * index answers; no record is ever compared letter by letter. A query using web-search syntax
 * ("quoted phrase", -excluded, or) goes to `websearch_to_tsquery` as it is, without corrections.
 *
 * Bounded work (tools/bench/README.md, search): a search reads at most `resultWindow` + 1 matching
 * records (MAX_RESULT_WINDOW, as Meilisearch's `maxTotalHits`), then counts, facets, ranks and
 * pages among them. Sorted by date or amount, they are the first in that order (an index walk),
 * so every page is exact. Sorted by relevance, with more matches than the window, they are the
 * first the index finds — ranking them all would read every match — and the result says it is
 * not exhaustive: narrowing the search (a filter, another word) ranks every match again.
 */
export class PostgresSearchEngine extends SearchEngine {
  constructor(
    private readonly dataSource: DataSource,
    /** How many matches a search reads at most; smaller in tests only. */
    private readonly resultWindow = MAX_RESULT_WINDOW,
  ) {
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
      const { hits, total, facets } = await this.read(db, query, text);
      return {
        hits,
        total: Math.min(total, this.resultWindow),
        exhaustive: total <= this.resultWindow,
        facets,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  /**
   * Turns the text into one `tsquery` (see the class comment), or null when there is nothing to
   * match (empty, or stop words only).
   */
  private async textMatch(db: Db, q: string): Promise<TextMatch | null> {
    if (q === '') return null;
    if (WEB_SEARCH_OPERATORS.test(q)) {
      const rows = await db.query<{ tsquery: string }>(
        `select websearch_to_tsquery(${CONFIG}, $1)::text as tsquery where numnode(websearch_to_tsquery(${CONFIG}, $1)) > 0`,
        [q],
      );
      return rows[0] ? { q, tsquery: rows[0].tsquery } : null;
    }
    const words = [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 2).slice(0, MAX_WORDS);
    // Per word (stop words left out: they have no lexeme), its lexemes OR those of its corrections;
    // words AND-ed. Corrections only for a word no record contains, from the closest known words.
    const rows = await db.query<{ tsquery: string | null }>(
      `with words as (
         select w.word, w.n, lower(immutable_unaccent(w.word)) as plain
         from unnest($1::text[]) with ordinality as w(word, n)
         where numnode(plainto_tsquery(${CONFIG}, w.word)) > 0),
       alternatives as (
         select n, plainto_tsquery(${CONFIG}, word) as tsquery from words
         union all
         select w.n, plainto_tsquery(${CONFIG}, c.word)
         from words w
         cross join lateral (
           select v.word from search_vocabulary v
           where length(w.plain) >= $2 and v.word % w.plain
             and not exists (select 1 from search_vocabulary known where known.word = w.plain)
           order by v.word <-> w.plain, v.word
           limit ${MAX_CORRECTIONS}) c)
       select string_agg(per_word, ' & ' order by n) as tsquery
       from (select n, '(' || string_agg(distinct tsquery::text, ' | ') || ')' as per_word
             from alternatives where numnode(tsquery) > 0 group by n) w`,
      [words, TYPO_MIN_LENGTH],
    );
    const tsquery = rows[0]?.tsquery ?? null;
    return tsquery ? { q, tsquery } : null;
  }

  /**
   * One statement: the matches (at most the window + 1, one more telling there are more) are read
   * once into `m`, then the page of hits and the facets both come from its window `w`, so they
   * always agree.
   * Sorted by date or amount, `m` is the first matches in that order; by relevance, the first the
   * index finds (see the class comment), ranked here.
   */
  private async read(db: Db, query: ValidSearchQuery, text: TextMatch | null): Promise<{ hits: SearchHit[]; total: number; facets: SearchFacets }> {
    const where = buildWhere(query, text);
    const params = [...where.params];
    const add = (value: unknown) => `$${params.push(value)}`;
    const tsquery = text ? `${add(text.tsquery)}::tsquery` : '';
    const ranked = query.sort === 'relevance' && text !== null;
    const matchOrder = ranked ? '' : `order by ${orderBy(query, false)}`;
    // Relevance: cover density of the query's words (0..1) plus trigram closeness of the title,
    // computed for every record of the window; other sorts need no score.
    const score = ranked && text
      ? `ts_rank_cd(r.search_vector, ${tsquery}, 32) + word_similarity(lower(immutable_unaccent(${add(text.q)})), r.trigram_text)`
      : '';
    // The same ORDER BY picks the page and numbers its hits (names resolve to the page's columns).
    const order = orderBy(query, ranked);
    const pageLimit = add(query.pageSize);
    const pageOffset = add((query.page - 1) * query.pageSize);
    // Highlights come from the ORIGINAL text: french_unaccent normalizes each word of it the way
    // the query was normalized, so "école" is marked for "ecole". Markers, then escaping, in
    // toSafeHighlight. Only for the page: ts_headline reads the whole body.
    const highlights = text
      ? `ts_headline(${CONFIG}, p.title, ${tsquery}, ${add(TITLE_HEADLINE)}) as title_marked,
         ts_headline(${CONFIG}, p.body, ${tsquery}, ${add(BODY_HEADLINE)}) as body_marked`
      : 'null as title_marked, null as body_marked';
    const rows = await db.query<{ hits: HitRow[]; facets: FacetRow[]; total: number }>(
      `with m as materialized (
         select r.id, r.commune_slug, r.department, r.kind, r.category, r.fiscal_year, r.amount, r.record_date
         from search_records r
         where ${where.sql}
         ${matchOrder}
         limit ${add(this.resultWindow + 1)}),
       -- The window itself (a CTE is read back in the order it was written).
       w as (select * from m limit ${add(this.resultWindow)}),
       page as (${
         ranked
           ? `select * from (select r.*, ${score} as score from w join search_records r on r.id = w.id) r
              order by ${order} limit ${pageLimit} offset ${pageOffset}`
           : // Sorted by a column of the window: the page is cut from it before reading whole records.
             `select r.* from (select * from w order by ${order} limit ${pageLimit} offset ${pageOffset}) w
              join search_records r on r.id = w.id`
       }),
       hits as (
         select row_number() over (order by ${order}) as position,
                p.id, p.kind, p.commune_id, p.commune_slug, p.commune_name, p.department, p.title, p.body,
                p.category, p.fiscal_year, p.amount::text as amount_text, p.record_date, p.url, ${highlights}
         from page p),
       facets as (
         select case when grouping(commune_slug) = 0 then 'communes'
                     when grouping(department) = 0 then 'departments'
                     when grouping(kind) = 0 then 'kinds'
                     when grouping(category) = 0 then 'categories'
                     else 'fiscalYears' end as facet,
                coalesce(commune_slug, department, kind, category, fiscal_year::text) as value,
                count(*)::int as count
         from w
         group by grouping sets ((commune_slug), (department), (kind), (category), (fiscal_year)))
       select (select coalesce(json_agg(h order by h.position), '[]') from hits h) as hits,
              (select coalesce(json_agg(f), '[]') from facets f) as facets,
              (select count(*)::int from m) as total`,
      params,
    );
    const { hits, facets, total } = rows[0];
    return { hits: hits.map(toHit), total, facets: groupFacets(facets) };
  }

  private inTransaction<T>(scope: 'indexer' | 'public', work: (db: Db) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // Settings are transaction-local (safe on a pooled connection).
      if (scope === 'public') {
        // Read only, on one snapshot for the whole search.
        await manager.query('set transaction isolation level repeatable read, read only');
        await manager.query(`select set_config(key, value, true) from jsonb_each_text($1::jsonb)`, [JSON.stringify(PUBLIC_SEARCH_SETTINGS)]);
      } else {
        await manager.query(`select set_config('app.scope', $1, true)`, [scope]);
      }
      return work({ query: <R>(sql: string, params: unknown[] = []) => manager.query<R[]>(sql, params) });
    });
  }
}

/** The text search configuration of the migration: french + unaccent (see there). */
const CONFIG = `'public.french_unaccent'::regconfig`;
const UPSERT_CHUNK = 200;
const MAX_WORDS = 12;
/** Words of at least this length may match with a typo (Meilisearch's default for one typo). */
const TYPO_MIN_LENGTH = 5;

/**
 * Transaction-local settings of every public search (and of the benchmark's `explain`, so that it
 * plans the statements as the engine runs them).
 */
export const PUBLIC_SEARCH_SETTINGS: Readonly<Record<string, string>> = {
  'app.scope': 'public',
  // One broad query must not hold the database for everyone (tools/bench/README.md, search):
  // past this, PostgreSQL cancels it and the caller gets a 503.
  statement_timeout: '5000ms',
  // No parallel or synchronized scans: the first matches a scan finds must be the same from one
  // page to the next.
  max_parallel_workers_per_gather: '0',
  synchronize_seqscans: 'off',
  // Similarity a known word needs to be taken as a correction ("constructon"/"construction": 0.67).
  'pg_trgm.similarity_threshold': '0.5',
};
/** Corrections kept per misspelt word, closest first. */
const MAX_CORRECTIONS = 3;
/** A phrase in quotes, a word excluded with a leading dash, or `or` between words. */
const WEB_SEARCH_OPERATORS = /"|(^|\s)-\S|(^|\s)or(\s|$)/i;
const TITLE_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
const BODY_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

interface Db {
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

interface TextMatch {
  q: string;
  /** What matches, ranks and highlights, as `tsquery` text. */
  tsquery: string;
}


interface Where {
  sql: string;
  params: unknown[];
}

interface FacetRow {
  facet: keyof SearchFacets;
  value: string | null;
  count: number;
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

function toHit(row: HitRow): SearchHit {
  return {
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
  };
}

/** Facet rows (one grouping set per facet) to `SearchFacets`, most frequent first. */
function groupFacets(rows: readonly FacetRow[]): SearchFacets {
  const facets: Record<keyof SearchFacets, FacetValue[]> = { communes: [], departments: [], kinds: [], categories: [], fiscalYears: [] };
  for (const row of rows) {
    if (row.value !== null) facets[row.facet].push({ value: row.value, count: row.count });
  }
  for (const values of Object.values(facets)) sortFacetValues(values);
  return facets;
}

/** The WHERE clause of the matches: only the filters present, values as parameters. */
function buildWhere(query: ValidSearchQuery, text: TextMatch | null): Where {
  const params: unknown[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions: string[] = ['true'];
  if (text) conditions.push(`r.search_vector @@ ${add(text.tsquery)}::tsquery`);
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
function orderBy(query: ValidSearchQuery, ranked: boolean): string {
  const direction = query.direction === 'asc' ? 'asc' : 'desc';
  switch (query.sort) {
    case 'amount':
      return `amount ${direction} nulls last, id`;
    case 'date':
      return `record_date collate "C" ${direction} nulls last, id`;
    case 'relevance':
      return ranked ? 'score desc, record_date collate "C" desc nulls last, id' : 'record_date collate "C" desc nulls last, id';
  }
}
