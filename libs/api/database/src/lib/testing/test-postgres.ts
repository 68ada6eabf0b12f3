import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../migrate';
import { seedCommunes } from '../seed/seed';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { DatabaseUrls, dropDatabase, provisionDatabase } from '../embedded/provision-database';

/**
 * One PostgreSQL per Jest run (embedded, or TEST_DATABASE_URL's server), with a template
 * database already migrated and holding the national list of communes. Each test file gets
 * its own copy of the template, so files never see each other's rows.
 */
const TEMPLATE = 'communes_test_template';
const ROLE_PASSWORD = 'communes-test';
const SUPERUSER_ENV = 'COMMUNES_TEST_SUPERUSER_URL';

interface GlobalHandle {
  stop(): Promise<void>;
}
const handleKey = Symbol.for('communes.test-postgres');

export async function startTestPostgres(): Promise<void> {
  let superuserUrl = process.env['TEST_DATABASE_URL'];
  let stop = async () => undefined as void;
  if (!superuserUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'communes-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir: dir, port: 0, persistent: false, superuserPassword: ROLE_PASSWORD });
    superuserUrl = pg.superuserUrl;
    stop = async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await dropDatabase(superuserUrl, TEMPLATE);
  const urls = await provisionDatabase({ superuserUrl, database: TEMPLATE, ownerPassword: ROLE_PASSWORD, appPassword: ROLE_PASSWORD });
  await runMigrations(urls.ownerUrl);
  await seedCommunes(urls.ownerUrl);
  process.env[SUPERUSER_ENV] = superuserUrl;
  (globalThis as Record<symbol, GlobalHandle>)[handleKey] = { stop };
}

export async function stopTestPostgres(): Promise<void> {
  const handle = (globalThis as Record<symbol, GlobalHandle | undefined>)[handleKey];
  await handle?.stop();
}

export interface TestDatabase extends DatabaseUrls {
  superuserUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const superuserUrl = process.env[SUPERUSER_ENV];
  if (!superuserUrl) {
    throw new Error(`${SUPERUSER_ENV} is not set: this Jest project needs the test-postgres globalSetup.`);
  }
  const name = `communes_test_${randomBytes(6).toString('hex')}`;
  const urls = await provisionDatabase({
    superuserUrl,
    database: name,
    ownerPassword: ROLE_PASSWORD,
    appPassword: ROLE_PASSWORD,
    template: TEMPLATE,
  });
  return { ...urls, superuserUrl, name, drop: () => dropDatabase(superuserUrl, name) };
}
