import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TestContext } from '@communes/api-testing';

/**
 * The built web app on the API's port, as `npm start` serves it: deep links get index.html,
 * precompressed copies go to browsers that accept them, hashed files are cached for a year and
 * the rest revalidated; API answers are compressed, streams and problem+json untouched in shape.
 */
describe('serving the web app and compressing answers', () => {
  let ctx: TestContext;
  let web: string;
  const script = `console.log(${JSON.stringify('Communes+ '.repeat(300))});`;

  beforeAll(async () => {
    web = await mkdtemp(join(tmpdir(), 'communes-web-'));
    await writeFile(
      join(web, 'index.html'),
      '<!doctype html><html lang="fr"><title>Communes+</title><cp-root ngCspNonce="communes-csp-nonce"></cp-root><script nonce="communes-csp-nonce">document.title = "Communes+";</script></html>',
    );
    await writeFile(join(web, 'main-ABCD1234.js'), script);
    await writeFile(join(web, 'main-ABCD1234.js.br'), brotliCompressSync(script));
    await writeFile(join(web, 'sw.js'), 'self.addEventListener("fetch", () => undefined);');
    ctx = await TestContext.create({ WEB_DIST_DIR: web });
  });
  afterAll(async () => {
    await ctx.close();
    await rm(web, { recursive: true, force: true });
  });

  it('answers a deep link with index.html, revalidated every time', async () => {
    const page = await ctx.request({ method: 'GET', url: '/communes/cotonou', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<cp-root ');
    expect(page.headers['cache-control']).toBe('no-cache');
    // curl and crawlers ask for anything.
    const anything = await ctx.request({ method: 'GET', url: '/communes/cotonou', headers: { accept: '*/*' } });
    expect(anything.text).toContain('<cp-root ');
  });

  it("gives the shell's inline script a fresh nonce that only this answer's policy allows, also as /index.html", async () => {
    const nonceOf = (response: { text: string; headers: Record<string, unknown> }) => {
      const inPage = /<script nonce="([^"]+)">/.exec(response.text)?.[1];
      const policy = String(response.headers['content-security-policy']);
      expect(inPage).toBeDefined();
      expect(inPage).not.toBe('communes-csp-nonce');
      expect(response.text).toContain(`ngCspNonce="${inPage}"`);
      expect(policy).toMatch(new RegExp(`script-src 'self' 'nonce-${(inPage ?? '').replace(/[+/=]/g, '\\$&')}'(;|$)`));
      return inPage;
    };
    const first = await ctx.request({ method: 'GET', url: '/connexion', headers: { accept: 'text/html' } });
    const second = await ctx.request({ method: 'GET', url: '/connexion', headers: { accept: 'text/html' } });
    const byName = await ctx.request({ method: 'GET', url: '/index.html' });
    expect(byName.headers['cache-control']).toBe('no-cache');
    const nonces = [nonceOf(first), nonceOf(second), nonceOf(byName)];
    expect(new Set(nonces).size).toBe(3);
  });

  it('sends the brotli copy of a hashed file, cached for a year, and the plain file otherwise', async () => {
    const compressed = await ctx.request({ method: 'GET', url: '/main-ABCD1234.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(compressed.raw).toString()).toBe(script);

    const plain = await ctx.request({ method: 'GET', url: '/main-ABCD1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);

    const worker = await ctx.request({ method: 'GET', url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('compresses JSON answers for clients that accept it', async () => {
    // Straight to Fastify: TestContext.request would parse the compressed body as JSON.
    const communes = await ctx.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/v1/communes', headers: { 'accept-encoding': 'gzip' } });
    expect(communes.statusCode).toBe(200);
    expect(communes.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(communes.rawPayload).toString())).toMatchObject({ total: 77 });
  });

  it('keeps unknown API routes a problem+json 404, not the web app', async () => {
    const missing = await ctx.request({ method: 'GET', url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
