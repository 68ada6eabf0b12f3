import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants as zlib } from 'node:zlib';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { AppConfig, createValidationPipe, ProblemDetailsFilter, PublicContentChanges } from '@communes/api-core';
import { ApiModule } from './api.module';
import { RenderedPageCache } from './rendered-page-cache';
import { allowNonceScripts, compressPage, pageCacheKey, ServerRenderer, withNonce } from './server-renderer';

export const API_PREFIX = 'api/v1';
/** Origins of the embedded session players (YouTube without cookies, Facebook). */
export const STREAM_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.facebook.com'] as const;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** JSON bodies above this are refused with 413 (uploads will have their own streamed route). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const LOG_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Builds the API exactly as it runs everywhere (production, `npm start`, tests): Fastify,
 * request ids, problem+json errors, strict validation, OpenAPI, and the web app if built.
 */
export async function createApiApplication(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_JSON_BODY_BYTES,
    // The caller's correlation id is kept when it looks sane; otherwise a new one is made.
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      request.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config), adapter, {
    logger: LOG_LEVELS[config.LOG_LEVEL] ?? LOG_LEVELS['info'],
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Fastify's own errors (malformed JSON, body too large) reach Nest's handler as HttpExceptions,
  // and from there the global ProblemDetailsFilter: one error path for everything.

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Server-rendered pages add their own nonce (serveWebApp).
        scriptSrc: ["'self'"],
        // Swagger UI inlines its styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the previews of the photos a citizen picks for a doléance, made in the browser
        // (URL.createObjectURL) before they are sent.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        // Session broadcasts: only the players the API normalises stream links to (stream-url.ts
        // in api-council-sessions), loaded when the citizen asks; an HLS playlist may be on any
        // https host the commune uses, played by the browser's own <video>.
        frameSrc: [...STREAM_FRAME_ORIGINS],
        mediaSrc: ["'self'", 'https:'],
      },
    },
  });

  // Answers compressed for slow mobile connections (a search page of JSON: ~50 kB → ~8 kB). Only
  // these types: never a stream that must flow as it is written (server-sent events), nor files
  // already compressed (PDF, images); brotli at a low quality, cheap for dynamic answers. The
  // web app's files are compressed at build time instead (serveWebApp).
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE_TYPES,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });

  // Cookies: the refresh token's (see RefreshTokenCookie in api-auth), set with its attributes
  // where it is issued; unsigned (it is an opaque random token, looked up by its hash).
  await app.register(cookie);

  // Uploads stream through; the documents service enforces the size limit with a clear 413.
  await app.register(multipart, { limits: { fileSize: config.MAX_UPLOAD_BYTES + 1, files: 1, fields: 10, parts: 11 } });

  app.setGlobalPrefix(API_PREFIX, { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Communes+ API')
      .setDescription('Transparency and participation for the communes of Benin. Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });

  if (config.WEB_DIST_DIR && existsSync(join(config.WEB_DIST_DIR, 'index.html'))) {
    await serveWebApp(app, config.WEB_DIST_DIR, config.PAGE_CACHE_TTL_MS);
  } else if (config.WEB_DIST_DIR) {
    new Logger('Web').warn(`WEB_DIST_DIR=${config.WEB_DIST_DIR} has no index.html: serving the API only.`);
  }
  return app;
}

/** JSON, problem+json, CSV, text, HTML, JS, CSS, SVG: what compresses well and is sent whole. */
const COMPRESSIBLE_TYPES = /^(application\/(json|problem\+json|javascript|xml|geo\+json)|text\/(html|css|csv|plain|javascript|xml)|image\/svg\+xml)(;|$)/;
/** Angular's built files carry a hash of their content in their name: their URL is their version. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.(js|css)(\.br|\.gz)?$/;

/**
 * The built Angular app on the same origin. Page URLs (no file extension, outside /api) that
 * ask for HTML (or anything) are rendered on the server by the app's own server bundle when it
 * was built (public pages with their data; see ServerRenderer), else, or if that fails, get
 * index.html (the app renders them in the browser), so that deep links work. Both carry a fresh
 * CSP nonce for their inline scripts (index.html too: its script that applies the stylesheet
 * would otherwise be blocked, leaving pages drawn in the browser unstyled); files are served
 * as they are, from their brotli or gzip copy made at build time when the browser accepts it
 * (apps/web/scripts), hashed files cached for a year, the others (index.html, sw.js, manifest)
 * revalidated every time.
 */
async function serveWebApp(app: NestFastifyApplication, root: string, pageCacheTtlMs: number): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const renderer = await ServerRenderer.load(root);
  // The client-rendered shell, kept with its nonce placeholder (see sendPage).
  const shell = await readFile(join(root, 'index.html'), 'utf8');
  const fastify = app.getHttpAdapter().getInstance();
  const pages = new RenderedPageCache({ ttlMs: renderer ? pageCacheTtlMs : 0 });
  if (pages.enabled) {
    // Cleared on every successful write, before its answer leaves: any write may change what a
    // page shows, and telling which pages is not worth the risk of a stale one; the reader who
    // wrote sees the change on the next page. Pages rendered on other replicas stay at most
    // PAGE_CACHE_TTL_MS. onSend also sees the API's 5xx answers: pages being rendered meanwhile
    // may show a "could not load" notice and are not kept.
    fastify.addHook('onSend', async (request, reply) => {
      if (reply.statusCode >= 500) pages.noteServerError();
      else if (reply.statusCode < 400 && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) pages.clear();
    });
    // Background work that changes pages after the write was answered (search indexing).
    app.get(PublicContentChanges).subscribe(() => pages.clear());
  }
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    // The shell by its own name too: the service worker keeps that copy for offline pages.
    const isShell = request.method === 'GET' && path === '/index.html';
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    // Browsers ask for text/html; curl and crawlers for anything (*/*, or no Accept at all).
    const accept = request.headers.accept;
    if (isShell) return sendPage(request, reply, shell);
    if (!isPage || (accept && !accept.includes('text/html') && !accept.includes('*/*'))) return undefined;
    if (!renderer) return sendPage(request, reply, shell);
    const { page, source } = await pages.get(pageCacheKey(request), () => renderer.render(request));
    if (!page) return sendPage(request, reply, shell);
    // Where this server-rendered page came from (debugging; the client-rendered shell has none).
    if (pages.enabled) reply.header('x-render-cache', source);
    if (page.location) reply.header('location', page.location);
    return sendPage(request, reply, page.html, page.status);
  });
}

/**
 * A page of the app (server-rendered, or the shell) with CSP_NONCE_PLACEHOLDER replaced by a
 * fresh nonce, allowed by this answer's Content-Security-Policy only: its inline scripts
 * (Angular's event replay, the stylesheet switch) run, nothing injected does.
 */
function sendPage(request: FastifyRequest, reply: FastifyReply, template: string, status = 200): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  allowNonceScripts(reply.raw, nonce);
  const html = withNonce(template, nonce);
  // The page holds the reader's language and fresh data: never reused without asking. Not
  // public either: a shared cache in front (CDN) would give every reader the same nonce, and
  // would have to key on the language cookie; the short cache of rendered pages is the shared one.
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  // Compressed here: answered before routing, the page does not pass through @fastify/compress.
  const compressed = compressPage(html, request.headers['accept-encoding']);
  if (!compressed) return reply.send(html);
  return reply.header('content-encoding', compressed.encoding).header('vary', 'accept-encoding').send(compressed.body);
}
