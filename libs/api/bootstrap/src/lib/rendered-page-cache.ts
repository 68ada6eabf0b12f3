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

/**
 * Query parameters that campaign and click trackers add to shared links (Facebook's fbclid on
 * every link opened from it, utm_* of newsletters, Google's and Microsoft's click ids, Mailchimp,
 * Instagram, TikTok, X…). The web app reads none of them; each one's value is different per
 * click, so left in they would make every reader of a shared page a cache miss.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid', 'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source',
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_gl', 'srsltid',
  'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'igsh', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
]);

function isTrackingParameter(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replaceAll('+', ' ')).toLowerCase();
  } catch {
    // Not valid percent-encoding: not one of ours, kept as it came.
    return false;
  }
  return name.startsWith('utm_') || TRACKING_PARAMETERS.has(name);
}

/**
 * `url` (a path with its query, as in `request.url`) without the tracking parameters, every
 * other parameter kept exactly as it came, in its order (the app may read a repeated parameter as
 * a list, in order; two orders stay two pages, as before). Unchanged when there is none to drop;
 * the `?` goes when nothing is left after it. Used for the cache key and for the URL rendered, so
 * that the page kept is the page of that key.
 */
export function withoutTrackingParameters(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const parts = url.slice(start + 1).split('&');
  const kept = parts.filter((part) => !isTrackingParameter(part.split('=', 1)[0]));
  if (kept.length === parts.length) return url;
  return kept.length === 0 ? url.slice(0, start) : `${url.slice(0, start)}?${kept.join('&')}`;
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
