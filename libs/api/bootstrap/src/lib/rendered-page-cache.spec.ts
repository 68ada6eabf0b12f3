import { RenderedPageCache, withoutTrackingParameters } from './rendered-page-cache';
import type { RenderedPage } from './server-renderer';

const page = (html: string, status = 200, location: string | null = null): RenderedPage => ({ status, location, html });

/** A rendering the test finishes when it wants, counting how often it was started. */
function controlledRendering(result: RenderedPage | null) {
  const pending: (() => void)[] = [];
  const started = { count: 0 };
  const render = () => {
    started.count += 1;
    return new Promise<RenderedPage | null>((resolve) => pending.push(() => resolve(result)));
  };
  return { render, started, finish: () => pending.splice(0).forEach((resolve) => resolve()) };
}

describe('RenderedPageCache', () => {
  let clock: number;
  let cache: RenderedPageCache;
  let renderings: number;
  const render = (html = 'A') => async () => {
    renderings += 1;
    return page(`${html}${renderings}`);
  };

  beforeEach(() => {
    clock = 1_000;
    renderings = 0;
    cache = new RenderedPageCache({ ttlMs: 5_000, now: () => clock });
  });

  it('renders on a miss, then gives the kept page until it expires', async () => {
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('A1'), source: 'miss' });
    clock += 4_999;
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('A1'), source: 'hit' });
    clock += 1;
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('A2'), source: 'miss' });
    expect(renderings).toBe(2);
  });

  it('keeps one page per key (URL and language)', async () => {
    await cache.get('fr /', render());
    await cache.get('en /', render());
    await expect(cache.get('en /', render())).resolves.toEqual({ page: page('A2'), source: 'hit' });
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('A1'), source: 'hit' });
  });

  it('keeps neither failures (the client-rendered page), redirections, nor other statuses', async () => {
    for (const result of [null, page('', 302, '/communes'), page('Introuvable', 404)]) {
      let count = 0;
      const rendering = async () => {
        count += 1;
        return result;
      };
      await expect(cache.get('fr /x', rendering)).resolves.toEqual({ page: result, source: 'miss' });
      await expect(cache.get('fr /x', rendering)).resolves.toEqual({ page: result, source: 'miss' });
      expect(count).toBe(2);
    }
    const throwing = async (): Promise<RenderedPage | null> => Promise.reject(new Error('boom'));
    await expect(cache.get('fr /y', throwing)).resolves.toEqual({ page: null, source: 'miss' });
    expect(cache.size).toBe(0);
  });

  it('renders once for readers arriving while the page is being rendered', async () => {
    const slow = controlledRendering(page('P'));
    const answers = [cache.get('fr /', slow.render), cache.get('fr /', slow.render), cache.get('fr /', slow.render)];
    slow.finish();
    await expect(Promise.all(answers)).resolves.toEqual([
      { page: page('P'), source: 'miss' },
      { page: page('P'), source: 'coalesced' },
      { page: page('P'), source: 'coalesced' },
    ]);
    expect(slow.started.count).toBe(1);
    await expect(cache.get('fr /', slow.render)).resolves.toEqual({ page: page('P'), source: 'hit' });
  });

  it('shares a failed rendering with the readers waiting for it, and keeps nothing', async () => {
    const failing = controlledRendering(null);
    const answers = [cache.get('fr /', failing.render), cache.get('fr /', failing.render)];
    failing.finish();
    await expect(Promise.all(answers)).resolves.toEqual([
      { page: null, source: 'miss' },
      { page: null, source: 'coalesced' },
    ]);
    expect(cache.size).toBe(0);
  });

  it('forgets every page on clear()', async () => {
    await cache.get('fr /', render());
    await cache.get('en /b', render());
    cache.clear();
    expect(cache.size).toBe(0);
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('A3'), source: 'miss' });
  });

  it('does not keep, nor give to later readers, a page whose rendering started before a clear()', async () => {
    const before = controlledRendering(page('old'));
    const waiting = cache.get('fr /', before.render);
    cache.clear();
    // A reader after the write does not wait for the rendering started before it.
    const after = controlledRendering(page('new'));
    const later = cache.get('fr /', after.render);
    before.finish();
    after.finish();
    await expect(waiting).resolves.toEqual({ page: page('old'), source: 'miss' });
    await expect(later).resolves.toEqual({ page: page('new'), source: 'miss' });
    await expect(cache.get('fr /', render())).resolves.toEqual({ page: page('new'), source: 'hit' });
  });

  it('does not keep a page rendered while the API answered a 5xx (it may show a "could not load" notice)', async () => {
    const during = controlledRendering(page('maybe broken'));
    const answer = cache.get('fr /', during.render);
    cache.noteServerError();
    during.finish();
    await expect(answer).resolves.toEqual({ page: page('maybe broken'), source: 'miss' });
    expect(cache.size).toBe(0);
    // Later renderings are kept again.
    await cache.get('fr /', render());
    expect(cache.size).toBe(1);
  });

  it('is bounded in entries and in bytes, dropping the least recently used', async () => {
    const small = new RenderedPageCache({ ttlMs: 5_000, maxEntries: 2, maxBytes: 1_000_000, now: () => clock });
    await small.get('a', render());
    await small.get('b', render());
    await small.get('a', render());
    await small.get('c', render());
    expect(small.size).toBe(2);
    await expect(small.get('a', render())).resolves.toMatchObject({ source: 'hit' });
    await expect(small.get('b', render())).resolves.toMatchObject({ source: 'miss' });

    const byBytes = new RenderedPageCache({ ttlMs: 5_000, maxBytes: 25_000, now: () => clock });
    const big = async () => page('x'.repeat(10_000));
    await byBytes.get('1', big);
    await byBytes.get('2', big);
    await byBytes.get('3', big);
    expect(byBytes.size).toBe(2);
    await expect(byBytes.get('1', big)).resolves.toMatchObject({ source: 'miss' });
  });

  it('renders every time, alone, when off (0)', async () => {
    const off = new RenderedPageCache({ ttlMs: 0, now: () => clock });
    expect(off.enabled).toBe(false);
    const slow = controlledRendering(page('P'));
    const answers = [off.get('fr /', slow.render), off.get('fr /', slow.render)];
    expect(slow.started.count).toBe(2);
    slow.finish();
    await expect(Promise.all(answers)).resolves.toEqual([
      { page: page('P'), source: 'miss' },
      { page: page('P'), source: 'miss' },
    ]);
    expect(off.size).toBe(0);
  });
});

describe('withoutTrackingParameters', () => {
  it.each([
    ['/communes/cotonou?fbclid=IwAR2Xyz_aBc-123', '/communes/cotonou'],
    ['/communes/cotonou?utm_source=facebook&utm_medium=social&utm_campaign=budget-2026&utm_content=a&utm_term=b&utm_id=9', '/communes/cotonou'],
    ['/communes/cotonou/actualites/42?gclid=Cj0KCQ&msclkid=abc&mc_cid=1&mc_eid=2&igshid=MzRl&ttclid=t&twclid=x&yclid=y&dclid=d&gbraid=g&wbraid=w&_gl=1*abc&srsltid=AfmB', '/communes/cotonou/actualites/42'],
    // Others are kept as they came (encoding, order, repeats, empty values), trackers dropped wherever they are.
    ['/recherche?fbclid=x&q=budget%20primitif&commune=cotonou&commune=ouidah&utm_source=wa&page=2', '/recherche?q=budget%20primitif&commune=cotonou&commune=ouidah&page=2'],
    ['/recherche?q=caf%C3%A9+bar&amount=&fbclid=x', '/recherche?q=caf%C3%A9+bar&amount='],
    // The name is compared decoded and in any case.
    ['/suivi?UTM_Source=x&FBCLID=y&utm%5Fmedium=z&n=1', '/suivi?n=1'],
  ])('%s → %s', (url, expected) => {
    expect(withoutTrackingParameters(url)).toBe(expected);
  });

  it.each([
    '/communes/cotonou',
    '/communes/cotonou?',
    '/recherche?q=utm_source&page=2',
    '/recherche?futm_source=1&fbclid_not=2&xgclid=3',
    '/recherche?b=2&a=1',
    '/recherche?a=1&&b=2',
    '/recherche?%E0%A4%A=broken&x=1',
  ])('leaves %s exactly as it is (nothing to drop)', (url) => {
    expect(withoutTrackingParameters(url)).toBe(url);
  });
});
