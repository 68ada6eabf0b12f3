import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { AutocannonResult } from 'autocannon';
import { Client } from 'pg';
import { hashPassword, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { provisionDatabase, RunningPostgres, runMigrations, seedCommunes, startEmbeddedPostgres } from '@communes/api-database';

/**
 * Benchmark of the commune registry against a real PostgreSQL (embedded, thrown away):
 *  1. onboarding one commune (POST /api/v1/communes as ANCB) with ~100 and ~10,000 communes
 *     present: the time must not grow with the number of communes;
 *  2. GET /api/v1/communes throughput against GET /api/v1/health, in the same run.
 * Traffic goes to 127.0.0.1 only. Run: npx nx build bench && node dist/tools/bench/main.js
 */

const DATABASE = 'communes_bench';
const ANCB_EMAIL = 'ancb@bench.communes.local';
const ONBOARD_WARMUP = 20;
const ONBOARD_MEASURED = 200;
const LOAD_SECONDS = 10;
/** Unreported run of each endpoint before its measured run (JIT, pools, caches). */
const LOAD_WARMUP_SECONDS = 3;
/** autocannon stops with requests in flight; wait this many times its slowest request (capped). */
const DRAIN_FACTOR = 2;
const DRAIN_MAX_MS = 10_000;
const LOAD_CONNECTIONS = 20;
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

async function main(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'communes-bench-'));
  const superuserPassword = randomBytes(16).toString('hex');
  let postgres: RunningPostgres | null = null;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (postgres) await postgres.stop().catch((error: unknown) => console.error('stopping PostgreSQL:', error));
    await rm(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping PostgreSQL`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(describeMachine());
    log(`starting embedded PostgreSQL in ${dataDir}`);
    postgres = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false, superuserPassword });
    const { ownerUrl, appUrl } = await provisionDatabase({
      superuserUrl: postgres.superuserUrl,
      database: DATABASE,
      ownerPassword: randomBytes(16).toString('hex'),
      appPassword: randomBytes(16).toString('hex'),
    });
    await runMigrations(ownerUrl);
    const seeded = await seedCommunes(ownerUrl);
    log(`database ready: ${seeded} communes seeded`);

    const superuserDbUrl = new URL(postgres.superuserUrl);
    superuserDbUrl.pathname = `/${DATABASE}`;
    const db = new Client({ connectionString: superuserDbUrl.toString() });
    // When stopped by a signal, PostgreSQL ends this connection: that must not crash the cleanup.
    db.on('error', (error) => {
      if (!stopping) console.error('superuser connection:', error.message);
    });
    await db.connect();
    try {
      const password = randomBytes(12).toString('hex');
      await db.query(
        `insert into users (email, password_hash, display_name, platform_role) values ($1, $2, 'ANCB', 'platform_admin')`,
        [ANCB_EMAIL, await hashPassword(password)],
      );

      const config = loadAppConfig({
        NODE_ENV: 'production',
        PORT: '0',
        DATABASE_URL: appUrl,
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'error',
        // AppConfig caps this at 10000 per minute; login happens twice, so any value >= 2 works.
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        DATABASE_POOL_SIZE: '20',
      });
      const app = await createApiApplication(config);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address() as AddressInfo;
      const api: Api = { baseUrl: `http://127.0.0.1:${address.port}/api/v1`, password };
      log(`API listening on ${api.baseUrl}`);

      const onboarding: OnboardingFigures[] = [];
      const load: LoadFigures[] = [];
      try {
        // The national list only (77): the directory as it is today.
        load.push(...(await loadPair(api, await countCommunes(db))));

        await topUp(db, 100);
        onboarding.push(await measureOnboarding(api, db, 100));

        await topUp(db, 10_000);
        onboarding.push(await measureOnboarding(api, db, 10_000));
        load.push(...(await loadPair(api, await countCommunes(db))));
      } finally {
        await app.close();
      }

      log(`done; load average (1/5/15 min) ${formatLoad()} (this benchmark alone keeps about 2 CPUs busy)`);
      printReport(onboarding, load);
      const failed = load.some((figures) => figures.result.errors + figures.result.non2xx + figures.result.timeouts > 0);
      if (failed) console.error('\nSome load-test requests failed (errors, timeouts or non-2xx): see the table.');
      return failed ? 1 : 0;
    } finally {
      await db.end();
    }
  } finally {
    await stop();
  }
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
  const token = await login(api);
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

function fire(url: string, title: string, seconds: number): Promise<AutocannonResult> {
  return autocannon({ url, title, connections: LOAD_CONNECTIONS, duration: seconds, workers: LOAD_WORKERS, timeout: 30 });
}

/**
 * autocannon closes its sockets when the time is up, but the API still finishes the requests it
 * had accepted: let them end before the next measurement (or before the pool is closed).
 */
async function drain(result: AutocannonResult): Promise<void> {
  const wait = Math.min(DRAIN_MAX_MS, Math.max(500, DRAIN_FACTOR * result.latency.max));
  await new Promise((resolve) => setTimeout(resolve, wait));
}

async function login(api: Api): Promise<string> {
  const response = await fetch(`${api.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: ANCB_EMAIL, password: api.password }),
  });
  const body = (await response.json()) as { accessToken?: unknown };
  if (response.status !== 200 || typeof body.accessToken !== 'string') {
    throw new Error(`login answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.accessToken;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
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

function describeMachine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return (
    `machine: ${availableParallelism()} CPUs (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `node ${process.version}, load average (1/5/15 min) ${formatLoad()}`
  );
}

function formatLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

function ms(value: number): string {
  return value.toFixed(2);
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
