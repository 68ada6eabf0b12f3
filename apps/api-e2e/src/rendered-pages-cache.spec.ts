import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndexer } from '@communes/api-search';
import { TestContext } from '@communes/api-testing';

/**
 * A stand-in for the web app's server bundle (apps/web/src/server.ts), loaded by the real API
 * as the real one is: each rendering asks the API for Cotonou (as the app's pages do, on the
 * loopback), counts itself, and shows what it was given of the request.
 */
const SERVER_BUNDLE = `
let renderings = 0;
export async function renderPage(request) {
  const url = new URL(request.url);
  if (url.pathname === '/en-panne') {
    return new Response('<h1>Erreur</h1>', { status: 500, headers: { 'content-type': 'text/html' } });
  }
  if (url.pathname === '/ailleurs') {
    return new Response(null, { status: 302, headers: { location: '/', 'content-type': 'text/html' } });
  }
  const commune = await (await fetch(new URL('/api/v1/communes/cotonou', url))).text();
  // Long enough for concurrent readers to arrive while it runs.
  await new Promise((resolve) => setTimeout(resolve, 200));
  renderings += 1;
  const cookie = request.headers.get('cookie');
  const lang = /communes\\.lang=(\\w+)/.exec(cookie ?? '')?.[1] ?? 'fr';
  const html = '<!doctype html><html lang="' + lang + '"><body><cp-root ngCspNonce="communes-csp-nonce">'
    + '<p id="rendering">' + renderings + '</p><p id="cookie">' + cookie + '</p>'
    + '<p id="authorization">' + request.headers.get('authorization') + '</p>'
    + '<pre>' + commune.replaceAll('<', '&lt;') + '</pre></cp-root>'
    + '<script nonce="communes-csp-nonce">/* event replay */</script></body></html>';
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' } });
}
`;

interface Page {
  status: number;
  html: string;
  cache: string | null;
  nonce: string | null;
  policy: string;
  rendering: number;
}

async function webAppWithServerBundle(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'communes-web-ssr-'));
  await mkdir(join(root, 'browser'));
  await mkdir(join(root, 'server'));
  await writeFile(join(root, 'browser', 'index.html'), '<!doctype html><html lang="fr"><title>Communes+</title><cp-root></cp-root></html>');
  await writeFile(join(root, 'server', 'server.mjs'), SERVER_BUNDLE);
  return root;
}

/**
 * Server-rendered pages are kept a few seconds (PAGE_CACHE_TTL_MS) for the readers that follow,
 * per URL and language, with a fresh CSP nonce in every answer, and forgotten on every write.
 * Through a real port: the rendering calls the API back on the loopback.
 */
describe('the short cache of server-rendered pages', () => {
  let root: string;
  let ctx: TestContext;
  let base: string;
  let admin: string;

  beforeAll(async () => {
    root = await webAppWithServerBundle();
    ctx = await TestContext.create({ WEB_DIST_DIR: join(root, 'browser'), PAGE_CACHE_TTL_MS: '60000' });
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'admin' }] }));
  });
  afterAll(async () => {
    await ctx.close();
    await rm(root, { recursive: true, force: true });
  });

  async function page(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
    const html = await response.text();
    return {
      status: response.status,
      html,
      cache: response.headers.get('x-render-cache'),
      nonce: /<script nonce="([^"]+)">/.exec(html)?.[1] ?? null,
      policy: response.headers.get('content-security-policy') ?? '',
      rendering: Number(/<p id="rendering">(\d+)<\/p>/.exec(html)?.[1] ?? NaN),
    };
  }

  it('renders a page once, then gives the kept page with a fresh nonce in the page and the policy', async () => {
    const first = await page('/communes/cotonou?onglet=agenda');
    expect(first).toMatchObject({ status: 200, cache: 'miss' });
    const second = await page('/communes/cotonou?onglet=agenda');
    const third = await page('/communes/cotonou?onglet=agenda');
    expect(second).toMatchObject({ status: 200, cache: 'hit', rendering: first.rendering });
    expect(third).toMatchObject({ cache: 'hit', rendering: first.rendering });

    const nonces = [first, second, third].map((answer) => answer.nonce);
    expect(new Set(nonces).size).toBe(3);
    for (const answer of [first, second, third]) {
      expect(answer.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(answer.html).toContain(`ngCspNonce="${answer.nonce}"`);
      expect(answer.html).not.toContain('communes-csp-nonce');
      expect(answer.policy).toContain(`script-src 'self' 'nonce-${answer.nonce}'`);
    }
    // Another query is another page.
    expect(await page('/communes/cotonou?onglet=budget')).toMatchObject({ cache: 'miss' });
  });

  it("gives the kept page to links opened from Facebook, WhatsApp or a newsletter: the trackers' parameters are not part of the page", async () => {
    const first = await page('/communes/cotonou/documents');
    expect(first).toMatchObject({ status: 200, cache: 'miss' });
    expect(await page('/communes/cotonou/documents?fbclid=IwAR3kZ')).toMatchObject({ cache: 'hit', rendering: first.rendering });
    expect(await page('/communes/cotonou/documents?utm_source=whatsapp&utm_medium=social&fbclid=IwAR9')).toMatchObject({ cache: 'hit', rendering: first.rendering });
    // Any other parameter is another page, as before.
    expect(await page('/communes/cotonou/documents?categorie=budget_primitif&fbclid=IwAR3kZ')).toMatchObject({ cache: 'miss' });
  });

  it('keeps one page per language, and gives the rendering nothing else of the request', async () => {
    const headers = { cookie: 'session=abc; communes.lang=en; AWSALB=xyz', authorization: `Bearer ${admin}` };
    const english = await page('/communes/cotonou/agenda', headers);
    expect(english).toMatchObject({ status: 200, cache: 'miss' });
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<p id="cookie">communes.lang=en</p>');
    expect(english.html).toContain('<p id="authorization">null</p>');

    const french = await page('/communes/cotonou/agenda');
    expect(french).toMatchObject({ cache: 'miss' });
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain('<p id="cookie">null</p>');

    // Other cookies (a load balancer's, say) do not make another page.
    expect(await page('/communes/cotonou/agenda', { cookie: 'communes.lang=en; AWSALB=other' })).toMatchObject({ cache: 'hit', rendering: english.rendering });
    expect(await page('/communes/cotonou/agenda', { cookie: 'communes.lang=fr' })).toMatchObject({ cache: 'miss' });
    expect(await page('/communes/cotonou/agenda', { 'accept-language': 'en' })).toMatchObject({ cache: 'hit', rendering: french.rendering });
  });

  it('forgets every page on a successful write, and shows the change right away', async () => {
    const before = await page('/communes/cotonou/presentation');
    expect(await page('/communes/cotonou/presentation')).toMatchObject({ cache: 'hit' });
    expect(await page('/communes/cotonou?onglet=agenda')).toMatchObject({ cache: 'hit' });

    // A refused write changes nothing: the pages stay.
    const refused = await ctx.request({ method: 'PATCH', url: '/api/v1/communes/cotonou/branding', token: admin, body: { contactPhone: 'pas un numéro' } });
    expect(refused.status).toBe(400);
    expect(await page('/communes/cotonou/presentation')).toMatchObject({ cache: 'hit' });

    const written = await ctx.request({ method: 'PATCH', url: '/api/v1/communes/cotonou/branding', token: admin, body: { mayorName: 'Maire du cache' } });
    expect(written.status).toBe(200);
    const after = await page('/communes/cotonou/presentation');
    expect(after).toMatchObject({ status: 200, cache: 'miss' });
    expect(after.rendering).toBeGreaterThan(before.rendering);
    expect(after.html).toContain('Maire du cache');
    expect(await page('/communes/cotonou?onglet=agenda')).toMatchObject({ cache: 'miss' });
  });

  it('renders once for readers arriving together', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => page('/communes/cotonou/ensemble')));
    expect(answers.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((answer) => answer.cache === 'coalesced')).toHaveLength(7);
    expect(new Set(answers.map((answer) => answer.rendering)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.nonce)).size).toBe(8);
    expect(await page('/communes/cotonou/ensemble')).toMatchObject({ cache: 'hit' });
  });

  it('keeps neither a failed rendering (the client-rendered page is sent) nor a redirection', async () => {
    for (let i = 0; i < 2; i += 1) {
      const failed = await page('/en-panne');
      // The client-rendered page: no x-render-cache.
      expect(failed).toMatchObject({ status: 200, cache: null });
      expect(failed.html).toContain('<cp-root></cp-root>');
      const moved = await page('/ailleurs');
      expect(moved).toMatchObject({ status: 302, cache: 'miss' });
    }
  });

  it('forgets the pages when search indexing changed what they may show', async () => {
    expect(await page('/recherche?q=budget')).toMatchObject({ cache: 'miss' });
    expect(await page('/recherche?q=budget')).toMatchObject({ cache: 'hit' });
    // Nothing indexed: the pages stay.
    await ctx.app.get(SearchIndexer).drain();
    expect(await page('/recherche?q=budget')).toMatchObject({ cache: 'hit' });

    // A document published outside a request (as a feature does, with its outbox row).
    const { id } = await ctx.newDocument('cotonou', { state: 'published' });
    const communeId = await ctx.communeId('cotonou');
    await ctx.sql.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, `document:${id}`]);
    expect(await page('/recherche?q=budget')).toMatchObject({ cache: 'hit' });
    expect(await ctx.app.get(SearchIndexer).drain()).toBeGreaterThan(0);
    expect(await page('/recherche?q=budget')).toMatchObject({ cache: 'miss' });
  });
});
