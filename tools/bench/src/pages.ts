import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon, { AutocannonResult } from 'autocannon';
import { seedDemoAccounts } from '@communes/api-database';
import { seedDemoAgenda, seedDemoBranding, seedDemoBudgets, seedDemoNews, seedDemoSessions } from '@communes/api-demo';
import { apiEnvironment, drain, formatLoad, log, login, ms, percentile, startApiProcess, withBenchDatabase } from './harness';

/**
 * What server-side rendering costs the API process: pages per second and latency of a
 * server-rendered page (home, a commune page with the pilots' demo content) against the
 * client-rendered shell of a console page (a static file) and GET /api/v1/health, each under the
 * same load, as a browser asks for them (Accept: text/html, brotli accepted). The server-rendered
 * pages are measured with the short cache of rendered pages (the default PAGE_CACHE_TTL_MS),
 * with the cache cleared by a write every second (as questions posted during a live session
 * would), and without the cache (PAGE_CACHE_TTL_MS=0, a second API process).
 * Needs the built web app (`npx nx build web`, which also builds its server bundle).
 * Run: npx nx build bench && node dist/tools/bench/main.js pages
 */

const CONNECTIONS = 10;
const LOAD_SECONDS = 10;
const WARMUP_SECONDS = 3;
const SEQUENTIAL_REQUESTS = 30;

type Variant = 'cache' | 'writes' | 'no-cache';

const TARGETS: { name: string; path: string; variant?: Variant }[] = [
  { name: 'health (API, JSON)', path: '/api/v1/health' },
  { name: 'console page (client-rendered shell, static)', path: '/console/cotonou' },
  { name: 'home (server-rendered), cache', path: '/', variant: 'cache' },
  { name: 'commune page, Cotonou (server-rendered), cache', path: '/communes/cotonou', variant: 'cache' },
  { name: 'sessions of Cotonou (server-rendered), cache', path: '/communes/cotonou/sessions', variant: 'cache' },
  { name: 'commune page, Cotonou, cache cleared by a write every second', path: '/communes/cotonou', variant: 'writes' },
  { name: 'home (server-rendered), no cache', path: '/', variant: 'no-cache' },
  { name: 'commune page, Cotonou (server-rendered), no cache', path: '/communes/cotonou', variant: 'no-cache' },
  { name: 'sessions of Cotonou (server-rendered), no cache', path: '/communes/cotonou/sessions', variant: 'no-cache' },
];
/** A successful write, as a commune's admin saving its presentation unchanged: the API clears its pages. */
const ADMIN = 'admin@cotonou.demo.communes.bj';
const DEMO_PASSWORD = 'bench-demo-password';

const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip', 'accept-language': 'fr' };

export function pages(): Promise<number> {
  const webRoot = resolve('dist/apps/web/browser');
  if (!existsSync(resolve(webRoot, '..', 'server', 'server.mjs'))) {
    console.error(`No server bundle under ${resolve(webRoot, '..', 'server')}: run npx nx build web first.`);
    return Promise.resolve(2);
  }
  return withBenchDatabase(async ({ appUrl, ownerUrl, cleanup }) => {
    await seedDemoAccounts(ownerUrl, DEMO_PASSWORD);
    await seedDemoBranding(ownerUrl);
    await seedDemoAgenda(ownerUrl);
    await seedDemoNews(ownerUrl);
    await seedDemoBudgets(ownerUrl);
    await seedDemoSessions(ownerUrl);
    log('demo content of the pilots seeded (branding, agenda, news, budgets, sessions)');
    const api = await startApiProcess(apiEnvironment(appUrl, { WEB_DIST_DIR: webRoot }), cleanup);
    const uncached = await startApiProcess(apiEnvironment(appUrl, { WEB_DIST_DIR: webRoot, PAGE_CACHE_TTL_MS: '0' }), cleanup);
    const adminToken = await login(api.baseUrl, ADMIN, DEMO_PASSWORD);

    const rows: string[] = [];
    for (const target of TARGETS) {
      const origin = (target.variant === 'no-cache' ? uncached : api).baseUrl.replace(/\/api\/v1$/, '');
      const writer = target.variant === 'writes' ? writeEverySecond(api.baseUrl, adminToken) : null;
      const first = await fetch(origin + target.path, { headers: BROWSER_HEADERS });
      const body = Buffer.from(await first.arrayBuffer());
      if (first.status !== 200) throw new Error(`${target.path} answered ${first.status}`);
      const rendered = (first.headers.get('content-type') ?? '').startsWith('text/html') && (await isServerRendered(origin + target.path));
      const sequential: number[] = [];
      for (let i = 0; i < SEQUENTIAL_REQUESTS; i += 1) {
        const started = performance.now();
        const response = await fetch(origin + target.path, { headers: BROWSER_HEADERS });
        await response.arrayBuffer();
        sequential.push(performance.now() - started);
      }
      sequential.sort((a, b) => a - b);
      await drain(await load(origin, target.path, WARMUP_SECONDS));
      const result = await load(origin, target.path, LOAD_SECONDS);
      const writes = writer ? await writer.stop() : null;
      await drain(result);
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.path}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
      const cache = first.headers.get('x-render-cache');
      log(`${target.name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${cache ? ` (x-render-cache: ${cache} on the first request)` : ''}${writes === null ? '' : `, ${writes} writes`}`);
      rows.push(
        `| ${target.name} | \`${target.path}\` | ${rendered ? 'yes' : 'no'} | ${(body.length / 1024).toFixed(1)} | ${first.headers.get('content-encoding') ?? 'none'} | ` +
          `${ms(percentile(sequential, 50))} / ${ms(percentile(sequential, 95))} | **${Math.round(result.requests.average)}** | ${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99} |`,
      );
    }
    console.log(`\nAutocannon: ${CONNECTIONS} connections, ${LOAD_SECONDS} s each after ${WARMUP_SECONDS} s of warm-up; sequential: ${SEQUENTIAL_REQUESTS} requests one at a time.\n`);
    console.log('| page | path | server-rendered | answer, decoded (kB) | sent as | sequential p50 / p95 (ms) | under load: pages/s | under load: p50 / p97.5 / p99 (ms) |');
    console.log('|---|---|---|---:|---|---:|---:|---:|');
    for (const row of rows) console.log(row);
    log(`done; load average (1/5/15 min) ${formatLoad()}`);
    return 0;
  });
}

/**
 * A successful write every second (the admin saves Cotonou's presentation unchanged) while the
 * page is under load; `stop()` gives how many were made.
 */
function writeEverySecond(baseUrl: string, token: string): { stop(): Promise<number> } {
  let writes = 0;
  let stopped = false;
  const running = (async () => {
    // The mayor's name as it is: the page stays the same, only the cache is cleared.
    const commune = await (await fetch(`${baseUrl}/communes/cotonou`)).text();
    const mayorName = /"mayorName":("(?:[^"\\]|\\.)*"|null)/.exec(commune)?.[1];
    if (mayorName === undefined) throw new Error(`no mayorName in GET /communes/cotonou: ${commune.slice(0, 300)}`);
    while (!stopped) {
      const response = await fetch(`${baseUrl}/communes/cotonou/branding`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: `{"mayorName":${mayorName}}`,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the write answered ${response.status}`);
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return writes;
    },
  };
}

/** The page's HTML holds content drawn by the server (Angular marks it with ng-server-context). */
async function isServerRendered(url: string): Promise<boolean> {
  const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
  return html.includes('ng-server-context');
}

function load(origin: string, path: string, seconds: number): PromiseLike<AutocannonResult> {
  return autocannon({ url: origin + path, connections: CONNECTIONS, duration: seconds, headers: BROWSER_HEADERS, workers: 1, timeout: 30 });
}
