import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AutocannonResult } from 'autocannon';
import { Client } from 'pg';
import { loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { provisionDatabase, RunningPostgres, runMigrations, seedCommunes, startEmbeddedPostgres } from '@communes/api-database';

/**
 * What every benchmark shares: a throwaway embedded PostgreSQL, a superuser connection for
 * fixtures, cleanup that also runs on Ctrl-C, the API in a child process, and small helpers.
 */

export const DATABASE = 'communes_bench';

/** Steps run once, last added first, on the normal path and on SIGINT/SIGTERM alike. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private done: Promise<void> | null = null;

  get stopping(): boolean {
    return this.done !== null;
  }

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        await step.run().catch((error: unknown) => console.error(`${step.name}:`, error));
      }
    })();
    return this.done;
  }
}

export interface BenchDatabase {
  /** The application role (not superuser, not owner: RLS applies). */
  appUrl: string;
  ownerUrl: string;
  /** Superuser connection to the bench database: fixtures and synthetic data (bypasses RLS). */
  db: Client;
  /** Communes of the national list seeded. */
  seeded: number;
  cleanup: Cleanup;
}

/**
 * Starts PostgreSQL in a `mkdtemp` folder, provisions the roles, migrates, seeds the 77 communes,
 * runs `work`, then stops everything and removes the folder (also on Ctrl-C: exit 130/143).
 */
export async function withBenchDatabase(work: (bench: BenchDatabase) => Promise<number>): Promise<number> {
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping`);
    void cleanup.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const dataDir = await mkdtemp(join(tmpdir(), 'communes-bench-'));
  cleanup.add('removing the data folder', () => rm(dataDir, { recursive: true, force: true }));
  try {
    log(describeMachine());
    log(`starting embedded PostgreSQL in ${dataDir}`);
    const superuserPassword = randomBytes(16).toString('hex');
    const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false, superuserPassword });
    cleanup.add('stopping PostgreSQL', () => postgres.stop());
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
      if (!cleanup.stopping) console.error('superuser connection:', error.message);
    });
    await db.connect();
    cleanup.add('closing the superuser connection', () => db.end());
    return await work({ appUrl, ownerUrl, db, seeded, cleanup });
  } finally {
    await cleanup.run();
  }
}

/** Environment of the API child process: only what AppConfig reads, nothing inherited by chance. */
export type ApiEnvironment = Record<string, string>;

export function apiEnvironment(appUrl: string, extra: ApiEnvironment = {}): ApiEnvironment {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: appUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
    // AppConfig caps this at 10000 per minute; the benchmarks log in once or twice.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    DATABASE_POOL_SIZE: '20',
    ...extra,
  };
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
}

/**
 * Runs the real API in its own Node process (this bundle, command `serve`): its memory is then
 * its own (read from /proc), and the load generator in this process does not share its event
 * loop. Stopped by the cleanup (SIGTERM, then SIGKILL after 10 s).
 */
export async function startApiProcess(env: ApiEnvironment, cleanup: Cleanup): Promise<ApiProcess> {
  const script = process.argv[1];
  const child: ChildProcess = fork(script, ['serve'], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanup.add('stopping the API process', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: unknown) => {
      const port = (message as { port?: unknown } | null)?.port;
      if (typeof port === 'number') resolve(port);
      else reject(new Error(`API process sent ${JSON.stringify(message)}`));
    });
    child.once('exit', (code, signal) => reject(new Error(`API process exited during start (code ${code}, signal ${signal})`)));
  });
  if (child.pid === undefined) throw new Error('API process has no pid');
  return { baseUrl: `http://127.0.0.1:${port}/api/v1`, pid: child.pid };
}

/** The `serve` command: the API from the environment, on 127.0.0.1, its port sent to the parent. */
export async function serveApi(): Promise<void> {
  const app = await createApiApplication(loadAppConfig(process.env));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const close = (): void => {
    void app.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  // The parent is gone (crashed or killed): do not outlive it.
  process.once('disconnect', close);
  process.send?.({ port });
}

export async function login(baseUrl: string, identifier: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  const body = (await response.json()) as { accessToken?: unknown };
  if (response.status !== 200 || typeof body.accessToken !== 'string') {
    throw new Error(`login answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.accessToken;
}

export const LOAD_CONNECTIONS = 20;

/**
 * autocannon closes its sockets when the time is up, but the API still finishes the requests it
 * had accepted: let them end before the next measurement (or before the pool is closed).
 */
export async function drain(result: AutocannonResult): Promise<void> {
  const wait = Math.min(10_000, Math.max(500, 2 * result.latency.max));
  await sleep(wait);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function describeMachine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return (
    `machine: ${availableParallelism()} CPUs (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `node ${process.version}, load average (1/5/15 min) ${formatLoad()}`
  );
}

export function formatLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value.toFixed(2);
}

export function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
