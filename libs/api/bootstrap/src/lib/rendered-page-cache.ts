import { LRUCache } from 'lru-cache';
import type { RenderedPage } from './server-renderer';

/** How an answer got its page: from the cache, by waiting for a rendering already running, or by rendering. */
export type PageSource = 'hit' | 'coalesced' | 'miss';

export interface RenderedPageCacheOptions {
  /** How long a rendered page is reused, in ms; 0 turns the cache (and the coalescing) off. */
  ttlMs: number;
  /** At most this many pages kept (the least recently used go first). */
  maxEntries?: number;
  /** At most about this many bytes of pages kept. */
  maxBytes?: number;
  /** The clock, in ms (tests move it). */
  now?: () => number;
}

interface Entry {
  page: RenderedPage;
  expiresAt: number;
}

/** About 35 kB a page: a thousand pages, a few tens of MB at most. */
const DEFAULT_MAX_ENTRIES = 1000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A short cache of server-rendered pages, so that a spike of readers of the same page (a commune
 * page shared on WhatsApp, a live session) costs one rendering every few seconds instead of one
 * per reader (20 to 35 ms of CPU each: tools/bench, "pages"). Pages are rendered without
 * credentials, from the URL and the language only (ServerRenderer), so that pair is the key.
 *
 * - Concurrent readers of a page being rendered wait for that rendering instead of starting
 *   their own (coalescing): that is what saves a spike, before the first page is even stored.
 * - Only plain 200 pages rendered while the API answered no 5xx are kept: never a failure (the
 *   caller then sends the client-rendered page), a redirection, nor a page that may show a
 *   "could not load" notice because one of its API calls failed.
 * - `clear()` (on every write, see createApiApplication) forgets the pages and the renderings
 *   under way: a rendering started before the write is given to the readers already waiting
 *   for it (they asked before the write was answered) but never stored.
 * - The pages are kept with the CSP nonce placeholder: the caller puts a fresh nonce in each
 *   answer.
 */
export class RenderedPageCache {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly pages: LRUCache<string, Entry>;
  private readonly renderings = new Map<string, Promise<RenderedPage | null>>();
  /** Moves on every clear(): a rendering started before it is not stored. */
  private generation = 0;
  /** Moves on every 5xx answer of the API: a page rendered meanwhile may show a failure. */
  private serverErrors = 0;

  constructor(options: RenderedPageCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    // lru-cache bounds the entries and the bytes; the lifetime is checked here, on the injected clock.
    this.pages = new LRUCache<string, Entry>({
      max: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
      maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
      sizeCalculation: (entry, key) => Math.max(1, key.length + Buffer.byteLength(entry.page.html)),
    });
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** How many pages are kept now (tests, debugging). */
  get size(): number {
    return this.pages.size;
  }

  /**
   * The page for `key` (the URL and the language: see `pageCacheKey`): the one kept if still
   * fresh, else the rendering already under way for it, else `render()`'s (kept if it may be).
   */
  async get(key: string, render: () => Promise<RenderedPage | null>): Promise<{ page: RenderedPage | null; source: PageSource }> {
    if (!this.enabled) return { page: await render(), source: 'miss' };
    const kept = this.pages.get(key);
    if (kept && kept.expiresAt > this.now()) return { page: kept.page, source: 'hit' };
    if (kept) this.pages.delete(key);
    const running = this.renderings.get(key);
    if (running) return { page: await running, source: 'coalesced' };

    const generation = this.generation;
    const serverErrors = this.serverErrors;
    const rendering = render()
      .catch(() => null)
      .then((page) => {
        if (this.renderings.get(key) === rendering) this.renderings.delete(key);
        const cacheable = page !== null && page.status === 200 && page.location === null;
        if (cacheable && generation === this.generation && serverErrors === this.serverErrors) {
          this.pages.set(key, { page, expiresAt: this.now() + this.ttlMs });
        }
        return page;
      });
    this.renderings.set(key, rendering);
    return { page: await rendering, source: 'miss' };
  }

  /** Forgets every page and every rendering under way (they may show what was just changed). */
  clear(): void {
    this.generation += 1;
    this.pages.clear();
    this.renderings.clear();
  }

  /** The API answered a 5xx: pages being rendered now may show a failure, they are not kept. */
  noteServerError(): void {
    this.serverErrors += 1;
  }
}
