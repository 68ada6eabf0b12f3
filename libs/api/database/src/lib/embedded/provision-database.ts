import { Client } from 'pg';

export const OWNER_ROLE = 'communes_owner';
export const APP_ROLE = 'communes_app';

export interface ProvisionOptions {
  superuserUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
  /** Create the database as a copy of this one (tests clone a migrated template). */
  template?: string;
}

export interface DatabaseUrls {
  /** Migrations and seed run as the owner role. */
  ownerUrl: string;
  /** The application connects as a role that owns nothing and cannot bypass RLS. */
  appUrl: string;
}

/**
 * Creates the two roles and the database when they are missing (idempotent), the way
 * `deploy/database/roles.sql` does on a managed server.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<DatabaseUrls> {
  const admin = new Client({ connectionString: options.superuserUrl });
  await admin.connect();
  try {
    await ensureRole(admin, OWNER_ROLE, options.ownerPassword);
    await ensureRole(admin, APP_ROLE, options.appPassword);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
    if (exists.rowCount === 0) {
      const template = options.template ? ` template ${quoteIdent(options.template)}` : '';
      await admin.query(`create database ${quoteIdent(options.database)} owner ${OWNER_ROLE}${template}`);
    }
    await admin.query(`revoke all on database ${quoteIdent(options.database)} from public`);
    await admin.query(`grant connect on database ${quoteIdent(options.database)} to ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  if (!options.template) {
    // Extensions need a superuser on some servers; create them once here.
    const db = new Client({ connectionString: withDatabase(options.superuserUrl, options.database) });
    await db.connect();
    try {
      await db.query('create extension if not exists citext; create extension if not exists unaccent; create extension if not exists pg_trgm');
      await db.query(`revoke create on schema public from public; grant all on schema public to ${OWNER_ROLE}`);
    } finally {
      await db.end();
    }
  }
  return {
    ownerUrl: withCredentials(options.superuserUrl, OWNER_ROLE, options.ownerPassword, options.database),
    appUrl: withCredentials(options.superuserUrl, APP_ROLE, options.appPassword, options.database),
  };
}

export async function dropDatabase(superuserUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(database)} with (force)`);
  } finally {
    await admin.end();
  }
}

async function ensureRole(admin: Client, role: string, password: string): Promise<void> {
  const found = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = found.rowCount === 0 ? 'create' : 'alter';
  // Role names are constants; the password goes through format() so it is quoted by the server.
  const sql = await admin.query<{ sql: string }>(
    `select format('${verb} role ${role} login nosuperuser nocreatedb nocreaterole nobypassrls password %L', $1::text) as sql`,
    [password],
  );
  await admin.query(sql.rows[0].sql);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string, database: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = encodeURIComponent(password);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
