import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, InvalidConfigurationError, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { DocumentStorage } from '@communes/api-storage';
import { SearchIndexer } from '@communes/api-search';
import { seedDemoAgenda, seedDemoBranding, seedDemoBudgets, seedDemoContracts, seedDemoDocuments, seedDemoGoodPractices, seedDemoModeration, seedDemoNews, seedDemoParticipation, seedDemoSessions } from '@communes/api-demo';
import {
  DEMO_ACCOUNTS,
  findWorkspaceRoot,
  provisionDatabase,
  runMigrations,
  seedCommunes,
  seedDemoAccounts,
  startEmbeddedPostgres,
} from '@communes/api-database';

/**
 * `npm start`: the whole product on one machine with nothing else installed. Without
 * DATABASE_URL a real PostgreSQL is started from npm (data in .data/, kept between starts);
 * migrations run as the owner role, the national list and the demo accounts are seeded
 * (idempotently), and the API serves the built web app on one port.
 * `npm run db:migrate` runs only the migrations (DATABASE_OWNER_URL), for deployments;
 * `npm run reindex` rebuilds the search index from the database, `npm run verify-index` compares them.
 */
const root = findWorkspaceRoot();
// DEV_STACK_DATA_DIR: another folder for a throwaway stack (the browser tests start one per run).
const dataDir = process.env['DEV_STACK_DATA_DIR'] || join(root, '.data');
const env = { ...process.env };

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'start';
  if (command === 'migrate') {
    const ownerUrl = env['DATABASE_OWNER_URL'];
    if (!ownerUrl) throw new InvalidConfigurationError('DATABASE_OWNER_URL is required to run migrations.');
    const applied = await runMigrations(ownerUrl);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return;
  }
  if (!['start', 'reindex', 'verify-index'].includes(command)) {
    throw new Error(`Unknown command "${command}": use start, migrate, reindex or verify-index.`);
  }

  const stopPostgres = await prepareDatabase();
  env['JWT_SECRET'] ??= await localSecret();
  env['WEB_DIST_DIR'] ??= join(root, 'dist/apps/web/browser');
  env['LOG_LEVEL'] ??= 'warn';

  try {
    const config = loadAppConfig(env);
    const ownerUrl = config.DATABASE_OWNER_URL;
    if (ownerUrl) {
      const applied = await runMigrations(ownerUrl);
      if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
      const added = await seedCommunes(ownerUrl);
      if (added) console.log(`Seeded ${added} communes from the national list.`);
    }
    if (command !== 'start') {
      // One-off index maintenance: the app without its timers, then exit.
      config.BACKGROUND_JOBS_INTERVAL_MS = 0;
      const app = await createApiApplication(config);
      await app.init();
      const indexer = app.get(SearchIndexer);
      if (command === 'reindex') {
        console.log(`Reindexed ${await indexer.rebuild()} records from the database.`);
      } else {
        const difference = await indexer.verify();
        const problems = difference.missing.length + difference.extra.length + difference.stale.length;
        console.log(problems === 0 ? 'The search index agrees with the database.' : JSON.stringify(difference, null, 2));
        process.exitCode = problems === 0 ? 0 : 2;
      }
      await app.close();
      await stopPostgres();
      return;
    }
    await startServer(config, ownerUrl, stopPostgres);
  } catch (error) {
    await stopPostgres();
    throw error;
  }
}

/** Without DATABASE_URL: a real PostgreSQL from npm, data in .data/ kept between starts. */
async function prepareDatabase(): Promise<() => Promise<void>> {
  if (env['DATABASE_URL']) return async () => undefined;
  const port = Number(env['EMBEDDED_POSTGRES_PORT'] ?? 54329);
  console.log(`Starting the embedded PostgreSQL (data in ${join(dataDir, 'postgres')}, port ${port})…`);
  const pg = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port,
    persistent: true,
    superuserPassword: 'communes-local',
  });
  // Local passwords: the server listens on 127.0.0.1 only.
  const urls = await provisionDatabase({ superuserUrl: pg.superuserUrl, database: 'communes', ownerPassword: 'communes-owner-local', appPassword: 'communes-app-local' });
  env['DATABASE_URL'] = urls.appUrl;
  env['DATABASE_OWNER_URL'] = urls.ownerUrl;
  return pg.stop;
}

async function startServer(config: AppConfig, ownerUrl: string | undefined, stopPostgres: () => Promise<void>): Promise<void> {
  const demo = config.NODE_ENV !== 'production' && ownerUrl;
  const password = env['DEMO_PASSWORD'] || 'communes-demo';
  if (demo) await seedDemoAccounts(ownerUrl, password);

  const app = await createApiApplication(config);
  if (demo) {
    const published = await seedDemoDocuments(ownerUrl, app.get(DocumentStorage));
    if (published) console.log(`Published ${published} demo documents for the pilot communes.`);
    const events = await seedDemoAgenda(ownerUrl);
    if (events) console.log(`Published ${events} agenda events for the pilot communes.`);
    const news = await seedDemoNews(ownerUrl);
    if (news) console.log(`Published ${news} news articles for the pilot communes.`);
    const budgets = await seedDemoBudgets(ownerUrl);
    if (budgets) console.log(`Published ${budgets} budgets for the pilot communes.`);
    const contracts = await seedDemoContracts(ownerUrl);
    if (contracts) console.log(`Published ${contracts} contracts for the pilot communes.`);
    const presented = await seedDemoBranding(ownerUrl);
    if (presented) console.log(`Presented ${presented} pilot communes (colours, text, contact).`);
    const participation = await seedDemoParticipation(ownerUrl);
    if (participation) console.log(`Added ${participation} demo feedback items and consultations for the pilot communes.`);
    const sessions = await seedDemoSessions(ownerUrl);
    if (sessions) console.log(`Added ${sessions} demo council and accountability sessions and debates for the pilot communes.`);
    const reports = await seedDemoModeration(ownerUrl);
    if (reports) console.log(`Added ${reports} demo reports of citizen content (the moderation queues).`);
    const practices = await seedDemoGoodPractices(ownerUrl);
    if (practices) console.log(`Added ${practices} demo good practices (2 published, 1 waiting for ANCB).`);
  }
  await app.listen({ port: config.PORT, host: '127.0.0.1' });
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping the API and PostgreSQL…`);
    await app.close();
    await stopPostgres();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const url = `http://localhost:${config.PORT}`;
  console.log(`\nCommunes+ is running: ${url}`);
  console.log(`  API:           ${url}/api/v1/communes`);
  console.log(`  Search:        ${url}/api/v1/search?q=budget`);
  console.log(`  API docs:      ${url}/api/docs`);
  if (!existsSync(join(config.WEB_DIST_DIR ?? '', 'index.html'))) console.log('  Web app:       not built (npx nx build web)');
  if (demo) {
    console.log(`\nDemo accounts (password: ${password}):`);
    for (const account of DEMO_ACCOUNTS) {
      const role = account.platformRole ?? (account.membership ? `${account.membership.role} of ${account.membership.communeSlug}` : 'citizen');
      console.log(`  ${account.email.padEnd(40)} ${role}`);
    }
  }
  console.log('\nCtrl-C stops everything.');
}

/** A JWT secret kept in .data so sessions survive a restart of the local stack. */
async function localSecret(): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(48).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
