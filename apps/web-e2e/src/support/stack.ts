import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the running stack answers; set by the global setup for the test files. */
export const STACK_URL_ENV = 'WEB_E2E_BASE_URL';
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'dist/web-e2e-artifacts');
export const DEMO_PASSWORD = 'communes-demo';

export interface RunningStack {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts what `npm start` starts — the built dev-stack launcher (dist/tools/dev-stack), which
 * runs the built API serving the built web app — on free ports over a throwaway embedded
 * PostgreSQL seeded with the national list and the demo content. Builds nothing itself.
 */
export async function startStack(): Promise<RunningStack> {
  const launcher = join(WORKSPACE_ROOT, 'dist/tools/dev-stack/main.js');
  const web = join(WORKSPACE_ROOT, 'dist/apps/web/browser/index.html');
  for (const built of [launcher, web]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run test:browser\`, which builds api, web and dev-stack first.`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'communes-web-e2e-'));
  // Run as root, the embedded PostgreSQL runs as a `postgres` system user that must reach its folder.
  await chmod(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [launcher, 'start'], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      DEV_STACK_DATA_DIR: dataDir,
      STORAGE_FS_ROOT: join(dataDir, 'documents'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: `http://localhost:${port}`,
      // Every test logs in from 127.0.0.1: the production limit would throttle the suite.
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      // Search indexing runs in the background: fast enough that a test waits a second, not five.
      BACKGROUND_JOBS_INTERVAL_MS: '300',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://localhost:${port}`;
  try {
    await waitForStart(child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The stack did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Communes+ is running')) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The API's warnings and errors belong in the test output, not the shutdown noise after.
      if (!child.killed) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The stack exited with code ${code}:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    // The launcher's SIGTERM handler closes the API, then stops PostgreSQL.
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
