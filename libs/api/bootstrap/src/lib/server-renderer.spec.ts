import type { ServerResponse } from 'node:http';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { allowNonceScripts, compressPage, CSP_NONCE_PLACEHOLDER, languageOf, pageCacheKey, ServerRenderer, textFirst, withNonce } from './server-renderer';

/** The header part of a ServerResponse: enough for allowNonceScripts. */
function responseWith(policy: string | undefined): ServerResponse & { policy(): unknown } {
  const headers = new Map<string, unknown>(policy === undefined ? [] : [['content-security-policy', policy]]);
  return {
    getHeader: (name: string) => headers.get(name),
    setHeader: (name: string, value: unknown) => headers.set(name, value),
    policy: () => headers.get('content-security-policy'),
  } as unknown as ServerResponse & { policy(): unknown };
}

describe('allowNonceScripts', () => {
  it("adds the answer's nonce to script-src only", () => {
    const response = responseWith("default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'");
    allowNonceScripts(response, 'abc+/=');
    expect(response.policy()).toBe(
      "default-src 'self';script-src 'self' 'nonce-abc+/=';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
    );
  });

  it('leaves an answer without a policy alone', () => {
    const response = responseWith(undefined);
    allowNonceScripts(response, 'abc');
    expect(response.policy()).toBeUndefined();
  });
});

describe('ServerRenderer.load', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'web-dist-'));
    await mkdir(join(root, 'browser'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is null when the web app was built without its server bundle (pages rendered in the browser)', async () => {
    await expect(ServerRenderer.load(join(root, 'browser'))).resolves.toBeNull();
  });
});

describe('ServerRenderer.render', () => {
  const request = {
    url: '/communes/cotonou?x=1',
    headers: {
      accept: 'text/html',
      cookie: 'other=1; communes.lang=en; AWSALB=x',
      authorization: 'Bearer secret',
      host: 'evil.example',
      'accept-language': 'fr',
      'user-agent': 'WhatsApp/2.0',
    },
    raw: { socket: { localPort: 3456 } },
  } as unknown as FastifyRequest;

  function html(body: string, status = 200): Response {
    return new Response(body, { status, headers: { 'content-type': 'text/html;charset=UTF-8' } });
  }

  it('renders on its own loopback origin, from the URL and the language cookie only, keeping the nonce placeholder', async () => {
    let seen: Request | undefined;
    const renderer = new ServerRenderer({
      renderPage: async (incoming) => {
        seen = incoming;
        return html(`<script nonce="${CSP_NONCE_PLACEHOLDER}"></script><h1>Cotonou</h1>`);
      },
    });
    await expect(renderer.render(request)).resolves.toEqual({
      status: 200,
      location: null,
      html: `<script nonce="${CSP_NONCE_PLACEHOLDER}"></script><h1>Cotonou</h1>`,
    });
    expect(seen?.url).toBe('http://127.0.0.1:3456/communes/cotonou?x=1');
    // What the page may depend on is what RenderedPageCache keys on: nothing else gets through.
    expect([...(seen?.headers.entries() ?? [])]).toEqual([
      ['accept', 'text/html'],
      ['cookie', 'communes.lang=en'],
    ]);
  });

  it('renders the URL without the trackers\' parameters (the page its cache key names)', async () => {
    let seen: Request | undefined;
    const renderer = new ServerRenderer({
      renderPage: async (incoming) => {
        seen = incoming;
        return html('<h1>Cotonou</h1>');
      },
    });
    await renderer.render({ ...request, url: '/communes/cotonou?fbclid=IwAR3xYz&x=1&utm_source=whatsapp' } as unknown as FastifyRequest);
    expect(seen?.url).toBe('http://127.0.0.1:3456/communes/cotonou?x=1');
  });

  it('keeps a redirection', async () => {
    const renderer = new ServerRenderer({
      renderPage: async () => new Response(null, { status: 302, headers: { location: '/communes', 'content-type': 'text/html' } }),
    });
    await expect(renderer.render(request)).resolves.toMatchObject({ status: 302, location: '/communes' });
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('boom'))],
    ['answers 500', async () => html('<h1>Erreur</h1>', 500)],
    ['refuses the request (not a page)', async () => new Response('Bad Request', { status: 400, headers: { 'content-type': 'text/plain' } })],
    ['matches no route', async () => null],
  ])('gives null (the client-rendered page is sent instead) when the rendering %s', async (_case, renderPage) => {
    const renderer = new ServerRenderer({ renderPage });
    await expect(renderer.render(request)).resolves.toBeNull();
  });
});

describe('the page key and the nonce', () => {
  const at = (url: string, cookie?: string) => ({ url, headers: cookie === undefined ? {} : { cookie } }) as FastifyRequest;

  it('is the URL and the language cookie, when it looks like a language', () => {
    expect(languageOf(at('/', 'a=1; communes.lang=en; b=2'))).toBe('en');
    expect(languageOf(at('/', 'communes.lang=fr'))).toBe('fr');
    expect(languageOf(at('/', 'communes.lang=<script>'))).toBeNull();
    expect(languageOf(at('/', 'lang=en'))).toBeNull();
    expect(languageOf(at('/'))).toBeNull();
    expect(pageCacheKey(at('/communes/cotonou?x=1', 'communes.lang=en; AWSALB=1'))).toBe(pageCacheKey(at('/communes/cotonou?x=1', 'communes.lang=en')));
    expect(pageCacheKey(at('/communes/cotonou?x=1', 'communes.lang=en'))).not.toBe(pageCacheKey(at('/communes/cotonou?x=1')));
    expect(pageCacheKey(at('/communes/cotonou?x=1'))).not.toBe(pageCacheKey(at('/communes/cotonou?x=2')));
  });

  it("ignores the trackers' parameters: a link shared on Facebook or WhatsApp is the page's key", () => {
    const key = pageCacheKey(at('/communes/cotonou', 'communes.lang=fr'));
    expect(pageCacheKey(at('/communes/cotonou?fbclid=IwAR0abc', 'communes.lang=fr'))).toBe(key);
    expect(pageCacheKey(at('/communes/cotonou?utm_source=whatsapp&utm_medium=social&fbclid=IwAR1def', 'communes.lang=fr'))).toBe(key);
    expect(pageCacheKey(at('/recherche?q=budget&gclid=Cj0&page=2'))).toBe(pageCacheKey(at('/recherche?q=budget&page=2')));
    // Other parameters still make other pages, in their order.
    expect(pageCacheKey(at('/recherche?q=budget&page=2&fbclid=x'))).not.toBe(pageCacheKey(at('/recherche?page=2&q=budget')));
  });

  it('puts the nonce wherever the placeholder is', () => {
    expect(withNonce(`<cp-root ngCspNonce="${CSP_NONCE_PLACEHOLDER}"></cp-root><script nonce="${CSP_NONCE_PLACEHOLDER}"></script>`, 'abc')).toBe(
      '<cp-root ngCspNonce="abc"></cp-root><script nonce="abc"></script>',
    );
  });
});

describe('compressPage', () => {
  const html = `<!doctype html><h1>Cotonou</h1>${'<p>Budget primitif 2026</p>'.repeat(200)}`;

  it('uses brotli when accepted, else gzip, else nothing', () => {
    const br = compressPage(html, 'gzip, deflate, br, zstd');
    expect(br?.encoding).toBe('br');
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(br?.body.length).toBeLessThan(html.length / 10);

    const gzip = compressPage(html, 'gzip;q=1.0, br;q=0');
    expect(gzip?.encoding).toBe('gzip');
    expect(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString()).toBe(html);

    expect(compressPage(html, 'identity')).toBeNull();
    expect(compressPage(html, undefined)).toBeNull();
  });
});

describe('textFirst', () => {
  it("puts the app's scripts at low fetch priority, once", () => {
    const page = '<link rel="modulepreload" href="chunk-A.js"><script src="main-B.js" type="module" nonce="n"></script><script id="ng-state" type="application/json">{}</script>';
    const expected =
      '<link rel="modulepreload" fetchpriority="low" href="chunk-A.js"><script src="main-B.js" type="module" fetchpriority="low" nonce="n"></script><script id="ng-state" type="application/json">{}</script>';
    expect(textFirst(page)).toBe(expected);
    expect(textFirst(expected)).toBe(expected);
  });
});
