import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { hashPassword } from '@communes/api-core';
import { findWorkspaceRoot } from './workspace-root';

/** The national list of Benin's 77 communes, kept as received (shared/data/communes-benin.csv). */
export const COMMUNES_CSV = 'libs/api/database/src/lib/seed/communes-benin.csv';

interface CommuneRow {
  slug: string;
  name: string;
  department: string;
  pilot: string;
  population_2013: string;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  platformRole: 'platform_admin' | 'ministry_observer' | null;
  membership: { communeSlug: string; role: 'admin' | 'editor' | 'moderator' } | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'ancb@demo.communes.bj', displayName: 'Équipe ANCB', platformRole: 'platform_admin', membership: null },
  { email: 'ministere@demo.communes.bj', displayName: 'Ministère de la Décentralisation', platformRole: 'ministry_observer', membership: null },
  { email: 'admin@cotonou.demo.communes.bj', displayName: 'Secrétariat général de Cotonou', platformRole: null, membership: { communeSlug: 'cotonou', role: 'admin' } },
  { email: 'admin@abomey-calavi.demo.communes.bj', displayName: "Secrétariat général d'Abomey-Calavi", platformRole: null, membership: { communeSlug: 'abomey-calavi', role: 'admin' } },
  { email: 'editeur@cotonou.demo.communes.bj', displayName: 'Point focal de Cotonou', platformRole: null, membership: { communeSlug: 'cotonou', role: 'editor' } },
  { email: 'moderateur@cotonou.demo.communes.bj', displayName: 'Modération de Cotonou', platformRole: null, membership: { communeSlug: 'cotonou', role: 'moderator' } },
  { email: 'citoyen@demo.communes.bj', displayName: 'Awa Citoyenne', platformRole: null, membership: null },
];

/**
 * Reference data every installation has: the national list of communes, pilots active, others
 * "not onboarded". Idempotent: existing communes are left as they are. Runs as the owner role
 * (RLS is forced on it too, hence the platform scope).
 */
export async function seedCommunes(ownerUrl: string): Promise<number> {
  const csv = await readFile(join(findWorkspaceRoot(), COMMUNES_CSV), 'utf8');
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as CommuneRow[];
  return withPlatformTransaction(ownerUrl, async (client) => {
    let inserted = 0;
    for (const row of rows) {
      const pilot = row.pilot === 'yes';
      const result = await client.query(
        `insert into communes (slug, name, department, country, status, is_pilot, population,
                               onboarding_started_at, activated_at, focal_point_named_at, staff_trained_at)
         values ($1, $2, $3, 'BJ', $4, $5, $6, $7, $7, $7, $7)
         on conflict (slug) do nothing`,
        [row.slug, row.name, row.department, pilot ? 'active' : 'not_onboarded', pilot,
         row.population_2013 ? Number(row.population_2013) : null, pilot ? new Date() : null],
      );
      inserted += result.rowCount ?? 0;
    }
    return inserted;
  });
}

/** Demo accounts, for the embedded stack only (never with NODE_ENV=production). Idempotent. */
export async function seedDemoAccounts(ownerUrl: string, password: string): Promise<readonly DemoAccount[]> {
  if (process.env['NODE_ENV'] === 'production') {
    throw new Error('Demo accounts are never created when NODE_ENV=production.');
  }
  const passwordHash = await hashPassword(password);
  await withPlatformTransaction(ownerUrl, async (client) => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await client.query<{ id: string }>(
        `insert into users (email, password_hash, display_name, platform_role) values ($1, $2, $3, $4)
         on conflict (email) do update set email = excluded.email
         returning id`,
        [account.email, passwordHash, account.displayName, account.platformRole],
      );
      if (!account.membership) continue;
      const commune = await client.query<{ id: string }>('select id from communes where slug = $1', [account.membership.communeSlug]);
      const communeId = commune.rows[0].id;
      await client.query(`select set_config('app.commune_id', $1, true)`, [communeId]);
      await client.query(
        `insert into memberships (commune_id, user_id, role) values ($1, $2, $3) on conflict do nothing`,
        [communeId, user.rows[0].id, account.membership.role],
      );
    }
  });
  return DEMO_ACCOUNTS;
}

async function withPlatformTransaction<T>(ownerUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.scope', 'platform', true)`);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
