import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon, { AutocannonResult } from 'autocannon';
import { Client } from 'pg';
import { hashPassword, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { apiEnvironment, drain, formatLoad, LOAD_CONNECTIONS, log, login, ms, percentile, withBenchDatabase } from './harness';

/**
 * Benchmark of the commune registry against a real PostgreSQL (embedded, thrown away):
 *  1. onboarding one commune (POST /api/v1/communes as ANCB) with ~100 and ~10,000 communes
 *     present: the time must not grow with the number of communes;
 *  2. GET /api/v1/communes throughput against GET /api/v1/health, in the same run.
 * Traffic goes to 127.0.0.1 only. Run: npx nx build bench && node dist/tools/bench/main.js registry
 */

const ANCB_EMAIL = 'ancb@bench.communes.local';
const ONBOARD_WARMUP = 20;
const ONBOARD_MEASURED = 200;
const LOAD_SECONDS = 10;
/** Unreported run of each endpoint before its measured run (JIT, pools, caches). */
const LOAD_WARMUP_SECONDS = 3;
/** The load generator runs in one worker thread, so it does not share the API's event loop. */
const LOAD_WORKERS = 1;
const IDLE_REQUESTS = 20;

interface OnboardingFigures {
  target: number;
  communesBefore: number;
  communesAfter: number;
  count: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

interface LoadFigures {
  communes: number;
  path: string;
  payloadBytes: number;
  /** Median of IDLE_REQUESTS sequential requests before the load. */
  idleMedianMs: number;
  result: AutocannonResult;
}

interface Api {
  baseUrl: string;
  password: string;
}

export function registry(): Promise<number> {
  return withBenchDatabase(async ({ appUrl, db, cleanup }) => {
    const password = randomBytes(12).toString('hex');
    await db.query(
      `insert into users (email, password_hash, display_name, platform_role) values ($1, $2, 'ANCB', 'platform_admin')`,
      [ANCB_EMAIL, await hashPassword(password)],
    );

    // In-process, as before the search and upload benchmarks existed (their API runs in a child
    // process): the figures of this benchmark stay comparable with its earlier runs.
    const config = loadAppConfig(apiEnvironment(appUrl));
    const app = await createApiApplication(config);
    cleanup.add('closing the API', () => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as AddressInfo;
    const api: Api = { baseUrl: `http://127.0.0.1:${address.port}/api/v1`, password };
    log(`API listening on ${api.baseUrl}`);

    const onboarding: OnboardingFigures[] = [];
    const load: LoadFigures[] = [];
    // The national list only (77): the directory as it is today.
    load.push(...(await loadPair(api, await countCommunes(db))));

    await topUp(db, 100);
    onboarding.push(await measureOnboarding(api, db, 100));

    await topUp(db, 10_000);
    onboarding.push(await measureOnboarding(api, db, 10_000));
    load.push(...(await loadPair(api, await countCommunes(db))));

    log(`done; load average (1/5/15 min) ${formatLoad()} (this benchmark alone keeps about 2 CPUs busy)`);
    printReport(onboarding, load);
    const failed = load.some((figures) => figures.result.errors + figures.result.non2xx + figures.result.timeouts > 0);
    if (failed) console.error('\nSome load-test requests failed (errors, timeouts or non-2xx): see the table.');
    return failed ? 1 : 0;
  });
}

/** Adds synthetic communes (status defaults to not_onboarded) until `target` exist. */
async function topUp(db: Client, target: number): Promise<void> {
  const before = await countCommunes(db);
  const missing = target - before;
  if (missing <= 0) {
    log(`${before} communes present (target ${target})`);
    return;
  }
  const started = performance.now();
  await db.query(
    `insert into communes (slug, name, department)
     select 'synthetic-' || i, 'Commune synthétique ' || i, 'Département ' || (i % 12 + 1)
     from generate_series($1::int, $2::int) as i`,
    [before + 1, target],
  );
  await db.query('analyze communes');
  log(`inserted ${missing} synthetic communes in ${Math.round(performance.now() - started)} ms: ${await countCommunes(db)} present`);
}

async function countCommunes(db: Client): Promise<number> {
  const result = await db.query<{ count: string }>('select count(*) as count from communes');
  return Number(result.rows[0].count);
}

/** Sequential onboarding of new communes over HTTP; only the measured requests are timed. */
async function measureOnboarding(api: Api, db: Client, target: number): Promise<OnboardingFigures> {
  const token = await login(api.baseUrl, ANCB_EMAIL, api.password);
  const communesBefore = await countCommunes(db);
  const durations: number[] = [];
  for (let i = 0; i < ONBOARD_WARMUP + ONBOARD_MEASURED; i++) {
    const slug = `onboarded-${target}-${i}`;
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}/communes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: `Commune nouvelle ${target}-${i}`, department: 'Département de test' }),
    });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 201) {
      throw new Error(`POST /communes ${slug} answered ${response.status}: ${body.slice(0, 300)}`);
    }
    if (i >= ONBOARD_WARMUP) durations.push(elapsed);
  }
  const communesAfter = await countCommunes(db);
  const sorted = [...durations].sort((a, b) => a - b);
  const figures: OnboardingFigures = {
    target,
    communesBefore,
    communesAfter,
    count: sorted.length,
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
  log(
    `onboarding with ${communesBefore}→${communesAfter} communes: median ${ms(figures.medianMs)} ms, ` +
      `p95 ${ms(figures.p95Ms)} ms (${figures.count} requests after ${ONBOARD_WARMUP} warm-up)`,
  );
  return figures;
}

/** Health then the directory, same settings, one after the other. */
async function loadPair(api: Api, communes: number): Promise<LoadFigures[]> {
  const figures: LoadFigures[] = [];
  for (const path of ['/health', '/communes']) {
    const url = `${api.baseUrl}${path}`;
    // Plain sequential requests first: check the route, give the payload size and the latency
    // of one request on an idle server.
    let payloadBytes = 0;
    const idle: number[] = [];
    for (let i = 0; i < IDLE_REQUESTS; i++) {
      const started = performance.now();
      const probe = await fetch(url);
      const payload = Buffer.from(await probe.arrayBuffer());
      idle.push(performance.now() - started);
      if (probe.status !== 200) throw new Error(`GET ${path} answered ${probe.status}`);
      payloadBytes = payload.byteLength;
    }
    const idleMedianMs = percentile([...idle].sort((a, b) => a - b), 50);
    log(`load: GET ${path} with ${communes} communes (${payloadBytes} bytes, idle median ${ms(idleMedianMs)} ms), ${LOAD_CONNECTIONS} connections, ${LOAD_WARMUP_SECONDS} s warm-up + ${LOAD_SECONDS} s`);
    await drain(await fire(url, `warm-up GET ${path}`, LOAD_WARMUP_SECONDS));
    const result = await fire(url, `GET ${path}`, LOAD_SECONDS);
    await drain(result);
    log(
      `  ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, ` +
        `p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
    );
    figures.push({ communes, path, payloadBytes, idleMedianMs, result });
  }
  return figures;
}

async function fire(url: string, title: string, seconds: number): Promise<AutocannonResult> {
  return autocannon({ url, title, connections: LOAD_CONNECTIONS, duration: seconds, workers: LOAD_WORKERS, timeout: 30 });
}




function printReport(onboarding: readonly OnboardingFigures[], load: readonly LoadFigures[]): void {
  const lines = [
    '',
    `### Onboarding one commune (POST /api/v1/communes, sequential, ${ONBOARD_MEASURED} measured after ${ONBOARD_WARMUP} warm-up)`,
    '',
    '| communes present (start→end) | requests | median ms | mean ms | p95 ms | p99 ms | min ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...onboarding.map(
      (f) =>
        `| ${f.communesBefore}→${f.communesAfter} | ${f.count} | ${ms(f.medianMs)} | ${ms(f.meanMs)} | ${ms(f.p95Ms)} | ${ms(f.p99Ms)} | ${ms(f.minMs)} | ${ms(f.maxMs)} |`,
    ),
  ];
  if (onboarding.length === 2) {
    lines.push('', `Median ratio (largest / smallest): ${(onboarding[1].medianMs / onboarding[0].medianMs).toFixed(2)}`);
  }
  lines.push(
    '',
    `### Throughput (autocannon, ${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s each, ${LOAD_WORKERS} worker thread)`,
    '',
    `idle ms: median of ${IDLE_REQUESTS} sequential requests on the idle server, before the load.`,
    '',
    '| communes | endpoint | payload bytes | idle ms | req/s (avg) | requests | p50 ms | p97.5 ms | p99 ms | max ms | MB/s | errors | timeouts | non-2xx |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...load.map(
      ({ communes, path, payloadBytes, idleMedianMs, result: r }) =>
        `| ${communes} | GET /api/v1${path} | ${payloadBytes} | ${ms(idleMedianMs)} | ${r.requests.average.toFixed(1)} | ${r.requests.total} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.latency.max} | ${(r.throughput.average / 1e6).toFixed(2)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`,
    ),
  );
  console.log(lines.join('\n'));
}
