import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon, { AutocannonResult } from 'autocannon';
import { seedDemoAccounts } from '@communes/api-database';
import { seedDemoAgenda, seedDemoBranding, seedDemoBudgets, seedDemoNews, seedDemoSessions } from '@communes/api-demo';
import { apiEnvironment, drain, formatLoad, log, ms, percentile, startApiProcess, withBenchDatabase } from './harness';

/**
 * What server-side rendering costs the API process: pages per second and latency of a
 * server-rendered page (home, a commune page with the pilots' demo content) against the
 * client-rendered shell of a console page (a static file) and GET /api/v1/health, each under the
 * same load, as a browser asks for them (Accept: text/html, brotli accepted).
 * Needs the built web app (`npx nx build web`, which also builds its server bundle).
 * Run: npx nx build bench && node dist/tools/bench/main.js pages
 */

const CONNECTIONS = 10;
const LOAD_SECONDS = 10;
const WARMUP_SECONDS = 3;
const SEQUENTIAL_REQUESTS = 30;

const TARGETS: { name: string; path: string }[] = [
  { name: 'health (API, JSON)', path: '/api/v1/health' },
  { name: 'console page (client-rendered shell, static)', path: '/console/cotonou' },
  { name: 'home (server-rendered)', path: '/' },
  { name: 'commune page, Cotonou (server-rendered)', path: '/communes/cotonou' },
  { name: 'sessions of Cotonou (server-rendered)', path: '/communes/cotonou/sessions' },
];

const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip', 'accept-language': 'fr' };

export function pages(): Promise<number> {
  const webRoot = resolve('dist/apps/web/browser');
  if (!existsSync(resolve(webRoot, '..', 'server', 'server.mjs'))) {
    console.error(`No server bundle under ${resolve(webRoot, '..', 'server')}: run npx nx build web first.`);
    return Promise.resolve(2);
  }
  return withBenchDatabase(async ({ appUrl, ownerUrl, cleanup }) => {
    await seedDemoAccounts(ownerUrl, 'bench-demo-password');
    await seedDemoBranding(ownerUrl);
    await seedDemoAgenda(ownerUrl);
    await seedDemoNews(ownerUrl);
    await seedDemoBudgets(ownerUrl);
    await seedDemoSessions(ownerUrl);
    log('demo content of the pilots seeded (branding, agenda, news, budgets, sessions)');
    const api = await startApiProcess(apiEnvironment(appUrl, { WEB_DIST_DIR: webRoot }), cleanup);
    const origin = api.baseUrl.replace(/\/api\/v1$/, '');

    const rows: string[] = [];
    for (const target of TARGETS) {
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
      await drain(result);
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.path}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
      log(`${target.path}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
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

/** The page's HTML holds content drawn by the server (Angular marks it with ng-server-context). */
async function isServerRendered(url: string): Promise<boolean> {
  const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
  return html.includes('ng-server-context');
}

function load(origin: string, path: string, seconds: number): PromiseLike<AutocannonResult> {
  return autocannon({ url: origin + path, connections: CONNECTIONS, duration: seconds, headers: BROWSER_HEADERS, workers: 1, timeout: 30 });
}
