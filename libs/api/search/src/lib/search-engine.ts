import type { SearchKind, SearchRecord } from '@communes/shared-contracts';

/**
 * The search port (DESIGN.md "Search"): one shared index of PUBLISHED records across all
 * communes. Adapters: PostgreSQL full-text search (embedded default) and Meilisearch
 * (production). Both pass `describeSearchEngineContract`.
 *
 * The index is never the source of truth: it is written by the outbox worker and rebuilt or
 * verified from the database (`removeAll`, `fingerprints`, `count`).
 */
export abstract class SearchEngine {
  /** Adds or replaces records by id (idempotent; the last one wins when an id repeats). */
  abstract upsert(records: readonly SearchRecord[]): Promise<void>;

  /** Removes these records; unknown ids are ignored. */
  abstract remove(ids: readonly string[]): Promise<void>;

  /** Empties the index (before a rebuild). */
  abstract removeAll(): Promise<void>;

  abstract search(query: SearchQuery): Promise<SearchResult>;

  /** How many records the index holds. */
  abstract count(): Promise<number>;

  /**
   * Every indexed record's id and `searchRecordHash()`, page by page (no particular order), so
   * that verify-index can compare the index with the database without loading whole records.
   */
  abstract fingerprints(pageSize?: number): AsyncIterable<IndexedFingerprint>;

  /** Every indexed id (no particular order). */
  async *allIds(): AsyncIterable<string> {
    for await (const { id } of this.fingerprints()) yield id;
  }
}

export const SEARCH_SORTS = ['relevance', 'date', 'amount'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 50;
/**
 * How many matches a search counts, ranks and pages through, at most: the deepest result reachable
 * by paging, and the bound on the work of one search (Meilisearch's default `maxTotalHits`). Past
 * it, a citizen narrows the search with a filter or a word; the result says it is not exhaustive.
 */
export const MAX_RESULT_WINDOW = 1_000;

export interface SearchQuery {
  /** Free text; empty lists everything that matches the filters. */
  q: string;
  /** Filters: values of one filter are OR-ed, filters are AND-ed; an empty list filters nothing. */
  communeIds?: readonly string[];
  communeSlugs?: readonly string[];
  departments?: readonly string[];
  kinds?: readonly SearchKind[];
  categories?: readonly string[];
  fiscalYears?: readonly number[];
  /** Inclusive bounds, integer XOF as strings; records without an amount are then left out. */
  amountMin?: string;
  amountMax?: string;
  /** `relevance` needs text: with an empty `q` it falls back to the most recent first. */
  sort: SearchSort;
  /** For `date` and `amount` (default `desc`); records without a value come last either way. */
  direction?: SortDirection;
  /** 1-based. */
  page: number;
  /** 1 to MAX_PAGE_SIZE. */
  pageSize: number;
}

/** Safe HTML: the record's text HTML-escaped, with matches wrapped in `<mark>…</mark>`. */
export interface SearchHighlights {
  /** The whole title (present when `q` is not empty). */
  title?: string;
  /** A short passage of the body around the matches (present when `q` is not empty). */
  body?: string;
}

export interface SearchHit {
  /** The record exactly as it was indexed (raw text: escape it when rendering). */
  record: SearchRecord;
  highlights: SearchHighlights;
}

export interface FacetValue {
  value: string;
  count: number;
}

/**
 * Counts over the records that match the query and ALL its filters, most frequent first (then by
 * value): every match when the result is exhaustive, else at least the MAX_RESULT_WINDOW matches
 * the search worked on. `communes` is keyed by commune slug; records without a category or fiscal
 * year are not counted in those facets.
 */
export interface SearchFacets {
  communes: FacetValue[];
  departments: FacetValue[];
  kinds: FacetValue[];
  categories: FacetValue[];
  fiscalYears: FacetValue[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every match, not only this page, counted up to MAX_RESULT_WINDOW. */
  total: number;
  /**
   * False when more records match than MAX_RESULT_WINDOW: `total` is then that bound ("more than
   * 1,000 results"), and the facet counts may cover only the matches the search worked on.
   */
  exhaustive: boolean;
  facets: SearchFacets;
  page: number;
  pageSize: number;
}

export interface IndexedFingerprint {
  id: string;
  hash: string;
}
