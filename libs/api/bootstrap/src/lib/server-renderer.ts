import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFunction, constants as vmConstants } from 'node:vm';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { withoutTrackingParameters } from './rendered-page-cache';

/**
 * Written in the web app's index.html (`<cp-root ngCspNonce="…">`): Angular's build copies it to
 * the inline scripts of the server-rendered page (event replay), and each answer replaces it
 * with the nonce of its own Content-Security-Policy.
 */
export const CSP_NONCE_PLACEHOLDER = 'communes-csp-nonce';

/** A server-rendered page, ready to send. */
export interface RenderedPage {
  status: number;
  location: string | null;
  html: string;
}

/** What the web app's server bundle (apps/web/src/server.ts) exports. */
export interface ServerBundle {
  renderPage(request: Request): Promise<Response | null>;
}

/** How long a reader waits for the server rendering before getting the client-rendered page. */
const RENDER_TIMEOUT_MS = 10_000;

/**
 * The cookie in which the web app keeps the reader's language (LANGUAGE_STORAGE_KEY in
 * libs/web/ui, i18n/languages.ts): the only part of a request, besides its URL, that the
 * rendering gets.
 */
export const LANGUAGE_COOKIE = 'communes.lang';
const LANGUAGE_VALUE = /^[A-Za-z-]{1,16}$/;

/** The language the reader chose (the cookie's value, if it looks like one), or null. */
export function languageOf(request: Pick<FastifyRequest, 'headers'>): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE) return value !== undefined && LANGUAGE_VALUE.test(value) ? value : null;
  }
  return null;
}

/**
 * Everything a server-rendered page depends on: its URL (path and query, without the trackers'
 * parameters: `withoutTrackingParameters`) and the reader's language. The rendering is given
 * nothing else from the request (ServerRenderer.render), so two requests with the same key get
 * the same page, which RenderedPageCache relies on.
 */
export function pageCacheKey(request: Pick<FastifyRequest, 'headers' | 'url'>): string {
  return `${languageOf(request) ?? ''} ${withoutTrackingParameters(request.url)}`;
}

/** The page with `nonce` in place of the placeholder: done for each answer, never shared. */
export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/**
 * Adds `nonce` to the script-src of the Content-Security-Policy already set on `response` (by
 * helmet): the inline scripts of a server-rendered page run, no other inline script does.
 */
export function allowNonceScripts(response: ServerResponse, nonce: string): void {
  const policy = response.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  response.setHeader(
    'content-security-policy',
    policy.replace(/(^|;)\s*script-src([^;]*)/, (_match, start: string, sources: string) => `${start}script-src${sources} 'nonce-${nonce}'`),
  );
}

/**
 * The app's scripts at low fetch priority in a server-rendered page: the page is readable
 * without them (they take it over once loaded, and never block its first paint), so on a slow
 * connection they should not compete with what the page shows. Lighthouse too takes
 * high-priority scripts loaded before the first paint for render-blocking ones.
 */
export function textFirst(html: string): string {
  return html
    .replace(/<link rel="modulepreload"(?![^>]*fetchpriority)/g, '<link rel="modulepreload" fetchpriority="low"')
    .replace(/<script src="([^"]+)" type="module"(?![^>]*fetchpriority)/g, '<script src="$1" type="module" fetchpriority="low"');
}

/**
 * The page compressed for the reader's browser (brotli, else gzip; about 35 kB → 8 kB for a
 * commune page), or null when it accepts neither. Brotli at a middle quality: made per answer.
 */
export function compressPage(html: string, acceptEncoding: string | undefined): { encoding: 'br' | 'gzip'; body: Buffer } | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) {
    return { encoding: 'br', body: brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: html.length } }) };
  }
  if (accepted.has('gzip')) return { encoding: 'gzip', body: gzipSync(html) };
  return null;
}

// The server bundle is an ES module; this API is bundled as CommonJS, where `import()` would be
// turned into `require()`. Compiled apart, it stays a real dynamic import, and Node's own loader
// takes it (USE_MAIN_CONTEXT_DEFAULT_LOADER): under Jest, a host's loader that expects to know
// the importing module failed once other test files had run in the same worker.
const importModule = compileFunction('return import(url)', ['url'], {
  importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
}) as (url: string) => Promise<unknown>;

/**
 * Server-side rendering of the web app's pages with Angular's engine (the `server` folder
 * beside the built `browser` one). Any failure (no server bundle, an error, a 5xx, a timeout)
 * gives null, and the caller sends the client-rendered index.html instead: a reader never gets
 * an error page because the rendering failed.
 */
export class ServerRenderer {
  private readonly logger = new Logger('ServerRendering');

  constructor(private readonly bundle: ServerBundle) {}

  /** Loads the server bundle of the web app built in `browserRoot`; null if there is none. */
  static async load(browserRoot: string): Promise<ServerRenderer | null> {
    const entry = join(browserRoot, '..', 'server', 'server.mjs');
    if (!existsSync(entry)) return null;
    try {
      // Angular's Node engine would otherwise make every unhandled rejection or exception of this
      // whole process a log line instead of a crash: the API keeps Node's own behaviour.
      (globalThis as Record<string, unknown>)['ngAttachNodeGlobalErrorHandlersCalled'] = true;
      const bundle = (await importModule(pathToFileURL(entry).href)) as Partial<ServerBundle>;
      if (typeof bundle.renderPage !== 'function') throw new Error(`${entry} exports no renderPage()`);
      return new ServerRenderer(bundle as ServerBundle);
    } catch (error) {
      new Logger('ServerRendering').error(`Server rendering is off, pages are rendered in the browser: ${describe(error)}`);
      return null;
    }
  }

  /**
   * The page for a GET of `request`'s URL, with CSP_NONCE_PLACEHOLDER where each answer puts
   * its nonce (withNonce). The app's own API calls during the rendering go to this server on
   * the loopback (the address the request came in on, never the Host header a client sent),
   * without the reader's credentials: what is rendered is public. Of the request, the
   * rendering gets its URL (without the trackers' parameters, like the cache key) and the language cookie only (no other cookie, no Authorization, no
   * Accept-Language: the app reads none of them), so a page can be shared (RenderedPageCache).
   */
  async render(request: FastifyRequest): Promise<RenderedPage | null> {
    const port = request.raw.socket.localPort;
    if (!port) return null;
    const headers = new Headers({ accept: 'text/html' });
    const language = languageOf(request);
    if (language) headers.set('cookie', `${LANGUAGE_COOKIE}=${language}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no page after ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
      });
      const rendering = this.bundle
        .renderPage(new Request(`http://127.0.0.1:${port}${withoutTrackingParameters(request.url)}`, { headers }))
        .then(async (response) => response && { response, html: await response.text() });
      const result = await Promise.race([rendering, timeout]);
      if (!result) return null;
      const { response, html } = result;
      const location = response.headers.get('location');
      const isPage = response.headers.get('content-type')?.startsWith('text/html') ?? false;
      if (response.status >= 500 || (!isPage && !location)) {
        this.logger.error(`${request.url}: the rendering answered ${response.status} ${html.slice(0, 200)}; client-rendered page sent`);
        return null;
      }
      return {
        status: response.status,
        location,
        html: textFirst(html),
      };
    } catch (error) {
      this.logger.error(`${request.url}: ${describe(error)}; client-rendered page sent`);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
