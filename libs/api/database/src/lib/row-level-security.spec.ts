import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from './testing/test-postgres';

/**
 * The database is the tenant boundary (DESIGN.md "Tenancy: two locks"): these tests talk to
 * PostgreSQL as the application role, with no application code in between.
 */
describe('row-level security', () => {
  let db: TestDatabase;
  let app: Client;
  let owner: Client;
  let communeA: string;
  let communeB: string;
  let userA: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.ownerUrl });
    app = new Client({ connectionString: db.appUrl });
    await Promise.all([owner.connect(), app.connect()]);
    const communes = await owner.query<{ id: string; slug: string }>(
      `select id, slug from communes where slug in ('cotonou', 'abomey-calavi')`,
    );
    communeA = communes.rows.find((c) => c.slug === 'cotonou')!.id;
    communeB = communes.rows.find((c) => c.slug === 'abomey-calavi')!.id;
    const user = await owner.query<{ id: string }>(
      `insert into users (email, password_hash, display_name) values ('rls@test.bj', 'x', 'RLS') returning id`,
    );
    userA = user.rows[0].id;
    await owner.query('begin');
    for (const communeId of [communeA, communeB]) {
      await owner.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'platform', true)`, [communeId]);
      await owner.query(`insert into memberships (commune_id, user_id, role) values ($1, $2, 'editor')`, [communeId, userA]);
      await owner.query(
        `insert into audit_events (commune_id, actor_role, action, target_type) values ($1, 'test', 'seed', 'commune')`,
        [communeId],
      );
    }
    await owner.query('commit');
  });

  afterAll(async () => {
    await Promise.all([app.end(), owner.end()]);
    await db.drop();
  });

  async function inTransaction<T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
    await app.query('begin');
    try {
      for (const [key, value] of Object.entries(settings)) {
        await app.query('select set_config($1, $2, true)', [key, value]);
      }
      return await work();
    } finally {
      await app.query('rollback');
    }
  }

  it('connects as a role that is not superuser, not owner and cannot bypass RLS', async () => {
    const role = await app.query(
      `select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user`,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await app.query(
      `select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner
       where r.rolname = current_user and c.relnamespace = 'public'::regnamespace`,
    );
    expect(owned.rows[0].n).toBe(0);
  });

  it('has RLS enabled and forced on every table with a commune_id', async () => {
    const tables = await app.query<{ table: string; enabled: boolean; forced: boolean }>(
      `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
       from pg_class c join pg_attribute a on a.attrelid = c.oid
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and a.attname = 'commune_id' and not a.attisdropped`,
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(3);
    for (const table of tables.rows) {
      expect({ table: table.table, enabled: table.enabled, forced: table.forced }).toEqual({
        table: table.table,
        enabled: true,
        forced: true,
      });
    }
  });

  it('shows no tenant rows when nothing is set, including on a reused connection', async () => {
    for (const table of ['memberships', 'invitations', 'audit_events']) {
      const unset = await app.query(`select count(*)::int as n from ${table}`);
      expect(unset.rows[0].n).toBe(0);
    }
    // A setting that was set and then ended with its transaction reads back as '' — still nothing.
    await inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, async () => undefined);
    const after = await app.query('select count(*)::int as n from memberships');
    expect(after.rows[0].n).toBe(0);
  });

  it('with commune A set, shows A rows only and refuses to write rows for B', async () => {
    await inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, async () => {
      const rows = await app.query<{ commune_id: string }>('select commune_id from memberships');
      expect(rows.rows.map((r) => r.commune_id)).toEqual([communeA]);
      const audit = await app.query<{ commune_id: string }>('select commune_id from audit_events');
      expect(new Set(audit.rows.map((r) => r.commune_id))).toEqual(new Set([communeA]));
    });
    await expect(
      inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, () =>
        app.query(`insert into invitations (commune_id, email, role, token_hash, expires_at)
                   values ($1, 'x@test.bj', 'editor', 'h1', now() + interval '1 day')`, [communeB]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, () =>
        app.query(`insert into audit_events (commune_id, actor_role, action, target_type) values ($1, 'x', 'y', 'z')`, [communeB]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('public scope does not see the team; self scope sees only own memberships', async () => {
    await inTransaction({ 'app.commune_id': communeA, 'app.scope': 'public' }, async () => {
      const rows = await app.query('select * from memberships');
      expect(rows.rowCount).toBe(0);
    });
    await inTransaction({ 'app.user_id': userA, 'app.scope': 'self' }, async () => {
      const rows = await app.query<{ commune_id: string }>('select commune_id from memberships order by commune_id');
      expect(rows.rows.map((r) => r.commune_id).sort()).toEqual([communeA, communeB].sort());
    });
  });

  it('observer scope reads but cannot write', async () => {
    await inTransaction({ 'app.commune_id': communeA, 'app.scope': 'observer' }, async () => {
      const rows = await app.query('select * from memberships');
      expect(rows.rowCount).toBe(1);
      const updated = await app.query(`update memberships set role = 'admin'`);
      expect(updated.rowCount).toBe(0);
    });
  });

  it('keeps audit events append-only for the app role', async () => {
    await expect(
      inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, () => app.query(`update audit_events set action = 'x'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTransaction({ 'app.commune_id': communeA, 'app.scope': 'staff' }, () => app.query('delete from audit_events')),
    ).rejects.toThrow(/permission denied/);
    // Even the owner (RLS forced, no delete policy) removes nothing.
    await owner.query('begin');
    await owner.query(`select set_config('app.commune_id', $1, true), set_config('app.scope', 'platform', true)`, [communeA]);
    const deleted = await owner.query('delete from audit_events');
    const left = await owner.query('select count(*)::int as n from audit_events');
    await owner.query('rollback');
    expect(deleted.rowCount).toBe(0);
    expect(left.rows[0].n).toBe(1);
  });

  it('lets only the platform scope create communes', async () => {
    await expect(
      inTransaction({ 'app.scope': 'staff', 'app.commune_id': communeA }, () =>
        app.query(`insert into communes (slug, name, department) values ('nouvelle', 'Nouvelle', 'Zou')`),
      ),
    ).rejects.toThrow(/row-level security/);
    await inTransaction({ 'app.scope': 'staff', 'app.commune_id': communeA }, async () => {
      const updated = await app.query(`update communes set name = name where id = $1`, [communeB]);
      expect(updated.rowCount).toBe(0);
    });
  });
});
