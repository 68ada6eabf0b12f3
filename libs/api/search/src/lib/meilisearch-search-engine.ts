import type { SearchRecord } from '@communes/shared-contracts';
import { EnqueuedTaskPromise, Index, Meilisearch, Task } from 'meilisearch';
import { HIGHLIGHT_END, HIGHLIGHT_START, toSafeHighlight } from './highlight';
import {
  fromMeilisearchDocument,
  MeilisearchDocument,
  toMeilisearchDocument,
  toMeilisearchId,
} from './meilisearch-documents';
import { buildMeilisearchFilter } from './meilisearch-filter';
import { MEILISEARCH_FACETS, MEILISEARCH_INDEX, MEILISEARCH_SETTINGS } from './meilisearch-settings';
import {
  FacetValue,
  IndexedFingerprint,
  MAX_RESULT_WINDOW,
  SearchEngine,
  SearchFacets,
  SearchHighlights,
  SearchQuery,
  SearchResult,
} from './search-engine';
import { prepareUpsert, sortFacetValues, validateSearchQuery, ValidSearchQuery } from './search-validation';

export interface MeilisearchSearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Another index than `records` (tests use a throwaway one). */
  indexUid?: string;
  /** How long to wait for Meilisearch to apply a write, in ms. */
  taskTimeoutMs?: number;
}

/**
 * Search on Meilisearch (production). Writes are asynchronous tasks in Meilisearch: each write
 * here waits for its task to succeed, so that the outbox worker marks an event done only when
 * the index really has it.
 *
 * The index is created with its settings on first use (idempotent; Meilisearch only reindexes
 * when the settings change).
 */
export class MeilisearchSearchEngine extends SearchEngine {
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly taskTimeoutMs: number;
  private ready: Promise<Index<MeilisearchDocument>> | null = null;

  constructor(options: MeilisearchSearchEngineOptions) {
    super();
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: 30_000 });
    this.indexUid = options.indexUid ?? MEILISEARCH_INDEX;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  async upsert(records: readonly SearchRecord[]): Promise<void> {
    const batch = prepareUpsert(records);
    if (batch.length === 0) return;
    const index = await this.index();
    // addDocuments replaces whole documents with the same id (no merge with an older version).
    await this.succeed(index.addDocuments(batch.map(toMeilisearchDocument), { primaryKey: 'id' }));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index();
    await this.succeed(index.deleteDocuments(ids.map(toMeilisearchId)));
  }

  async removeAll(): Promise<void> {
    const index = await this.index();
    await this.succeed(index.deleteAllDocuments());
  }

  async count(): Promise<number> {
    const index = await this.index();
    return (await index.getStats()).numberOfDocuments;
  }

  async *fingerprints(pageSize = 1000): AsyncIterable<IndexedFingerprint> {
    const index = await this.index();
    for (let offset = 0; ; offset += pageSize) {
      const page = await index.getDocuments<Pick<MeilisearchDocument, 'recordId' | 'hash'>>({
        fields: ['recordId', 'hash'],
        offset,
        limit: pageSize,
      });
      for (const document of page.results) yield { id: document.recordId, hash: document.hash };
      if (page.results.length < pageSize) return;
    }
  }

  async search(input: SearchQuery): Promise<SearchResult> {
    const query = validateSearchQuery(input);
    const index = await this.index();
    const response = await index.search(query.q, {
      filter: buildMeilisearchFilter(query),
      facets: Object.values(MEILISEARCH_FACETS),
      sort: sortFor(query),
      page: query.page,
      hitsPerPage: query.pageSize,
      // Every word must match (with typos), like the PostgreSQL engine.
      matchingStrategy: 'all',
      attributesToHighlight: query.q ? ['title', 'body'] : undefined,
      attributesToCrop: query.q ? ['body'] : undefined,
      cropLength: 30,
      cropMarker: ' … ',
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
    });
    return {
      hits: response.hits.map((hit) => ({
        record: fromMeilisearchDocument(hit),
        highlights: query.q ? highlightsOf(hit._formatted) : {},
      })),
      // The index counts one past the window (meilisearch-settings.ts) to tell "exactly 1,000" from "more".
      total: Math.min(response.totalHits, MAX_RESULT_WINDOW),
      exhaustive: response.totalHits <= MAX_RESULT_WINDOW,
      facets: facetsOf(response.facetDistribution ?? {}),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The index, created with its settings on first use; retried on the next call if that failed. */
  private index(): Promise<Index<MeilisearchDocument>> {
    if (!this.ready) {
      this.ready = this.createIndex().catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    }
    return this.ready;
  }

  private async createIndex(): Promise<Index<MeilisearchDocument>> {
    const created = await this.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') throw taskError(created);
    const index = this.client.index<MeilisearchDocument>(this.indexUid);
    await this.succeed(index.updateSettings(MEILISEARCH_SETTINGS));
    return index;
  }

  /** Waits for a task and fails unless it succeeded (waitTask resolves on failure too). */
  private async succeed(enqueued: EnqueuedTaskPromise): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status !== 'succeeded') throw taskError(task);
    return task;
  }
}

function taskError(task: Task): Error {
  return new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no detail'}`);
}

function sortFor(query: ValidSearchQuery): string[] | undefined {
  switch (query.sort) {
    case 'amount':
      return [`amountValue:${query.direction}`];
    case 'date':
      return [`date:${query.direction}`];
    case 'relevance':
      // Without text there is no relevance: most recent first, like the PostgreSQL engine.
      return query.q ? undefined : ['date:desc'];
  }
}

function highlightsOf(formatted: Partial<MeilisearchDocument> | undefined): SearchHighlights {
  const highlights: SearchHighlights = {};
  if (typeof formatted?.title === 'string') highlights.title = toSafeHighlight(formatted.title);
  if (typeof formatted?.body === 'string') highlights.body = toSafeHighlight(formatted.body);
  return highlights;
}

function facetsOf(distribution: Record<string, Record<string, number>>): SearchFacets {
  const facet = (field: string): FacetValue[] =>
    sortFacetValues(Object.entries(distribution[field] ?? {}).map(([value, count]) => ({ value, count })));
  return {
    communes: facet(MEILISEARCH_FACETS.communes),
    departments: facet(MEILISEARCH_FACETS.departments),
    kinds: facet(MEILISEARCH_FACETS.kinds),
    categories: facet(MEILISEARCH_FACETS.categories),
    fiscalYears: facet(MEILISEARCH_FACETS.fiscalYears),
  };
}
