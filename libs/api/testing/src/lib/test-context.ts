import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';
import { hashPassword, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { createTestDatabase, TestDatabase } from '@communes/api-database/testing';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface InjectOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw payload, sent as it is (malformed JSON, oversize bodies). */
  payload?: string;
  rawPayload?: Buffer;
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
  /** The body's exact bytes (downloads). */
  raw: Buffer;
}

/**
 * One API on its own database per test file, immich "medium test" style: real PostgreSQL,
 * real Nest app (requests injected into Fastify, no network), and small factories that write
 * fixtures directly as the database superuser (bypassing RLS, which is what is under test).
 */
export class TestContext {
  private counter = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: TestDatabase,
    /** Superuser connection to this file's database: fixtures and "nothing changed" checks. */
    readonly sql: Client,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<TestContext> {
    const db = await createTestDatabase();
    const storageRoot = await mkdtemp(join(tmpdir(), 'communes-documents-'));
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.appUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      DATABASE_POOL_SIZE: '5',
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '10000',
      PARTICIPATION_LIMIT_PER_ADDRESS_PER_HOUR: '10000',
      PARTICIPATION_LIMIT_ANONYMOUS_PER_ADDRESS_PER_HOUR: '10000',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      // Background jobs are run by the tests themselves (runOnce), not on a timer.
      BACKGROUND_JOBS_INTERVAL_MS: '0',
      STORAGE_DRIVER: 'filesystem',
      STORAGE_FS_ROOT: storageRoot,
      ...env,
    });
    const app = await createApiApplication(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const sqlUrl = new URL(db.superuserUrl);
    sqlUrl.pathname = `/${db.name}`;
    const sql = new Client({ connectionString: sqlUrl.toString() });
    await sql.connect();
    return new TestContext(app, db, sql);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.sql.end();
    await this.db.drop();
  }

  /** A multipart/form-data upload of one file in the field `file`, as a browser sends it. */
  upload<T = unknown>(options: { url: string; token?: string | null; fileName: string; bytes: Buffer; contentType?: string }): Promise<TestResponse<T>> {
    const boundary = `----communes${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.request<T>({
      method: 'POST',
      url: options.url,
      token: options.token,
      rawPayload: Buffer.concat([head, options.bytes, tail]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  async request<T = unknown>(options: InjectOptions): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.rawPayload ?? options.payload;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.getHttpAdapter().getInstance().inject({ method: options.method, url: options.url, headers, payload });
    const text = response.body;
    let body: unknown = text;
    if (text && String(response.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
    return { status: response.statusCode, headers: response.headers, body: body as T, text, raw: response.rawPayload };
  }

  uniqueSuffix(): string {
    this.counter += 1;
    return `${process.pid}-${this.counter}-${randomBytes(3).toString('hex')}`;
  }

  async communeId(slug: string): Promise<string> {
    const result = await this.sql.query<{ id: string }>('select id from communes where slug = $1', [slug]);
    if (!result.rows[0]) throw new Error(`No commune ${slug}`);
    return result.rows[0].id;
  }

  async newUser(options: { platformRole?: PlatformRole; memberships?: { communeSlug: string; role: MembershipRole }[]; email?: string } = {}): Promise<TestUser> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = options.email ?? `user-${this.uniqueSuffix()}@test.communes.bj`;
    const user = await this.sql.query<{ id: string }>(
      `insert into users (email, password_hash, display_name, platform_role) values ($1, $2, $3, $4) returning id`,
      [email, await passwordHash, `Test ${email}`, options.platformRole ?? null],
    );
    const id = user.rows[0].id;
    for (const membership of options.memberships ?? []) {
      await this.sql.query(
        `insert into memberships (commune_id, user_id, role) select id, $2, $3 from communes where slug = $1`,
        [membership.communeSlug, id, membership.role],
      );
    }
    return { id, email, password: TEST_PASSWORD };
  }

  /** An access token as the login would issue it (the matrix needs many, argon2 is slow on purpose). */
  tokenFor(user: TestUser): Promise<string> {
    return this.app.get(JwtService).signAsync({ sub: user.id });
  }

  async newInvitation(communeSlug: string, options: { role?: MembershipRole; email?: string; tokenHash?: string; expiresAt?: Date } = {}): Promise<{ id: string; email: string }> {
    const email = options.email ?? `invitee-${this.uniqueSuffix()}@test.communes.bj`;
    const result = await this.sql.query<{ id: string }>(
      `insert into invitations (commune_id, email, role, token_hash, expires_at)
       select id, $2, $3, $4, $5 from communes where slug = $1 returning id`,
      [communeSlug, email, options.role ?? 'editor', options.tokenHash ?? randomBytes(16).toString('hex'), options.expiresAt ?? new Date(Date.now() + 86_400_000)],
    );
    return { id: result.rows[0].id, email };
  }

  /**
   * A document of a commune with one version whose bytes really are in storage, written
   * directly (draft, or published with its version).
   */
  async newDocument(communeSlug: string, options: { state?: 'draft' | 'published'; bytes?: Buffer } = {}): Promise<{ id: string; versionId: string }> {
    const communeId = await this.communeId(communeSlug);
    const bytes = options.bytes ?? Buffer.from('%PDF-1.4\n% test document\n');
    const id = randomUUID();
    const versionId = randomUUID();
    const key = objectKeyFor(communeId, 'documents', id, `${versionId}.pdf`);
    await this.app.get(DocumentStorage).put(key, Readable.from([bytes]), { size: bytes.length, contentType: 'application/pdf' });
    const published = options.state === 'published';
    await this.sql.query(
      `insert into documents (commune_id, id, category, fiscal_year, title, state, published_at)
       values ($1, $2, 'deliberation', 2025, $3, $4, $5)`,
      [communeId, id, `Délibération ${this.uniqueSuffix()}`, published ? 'published' : 'draft', published ? new Date() : null],
    );
    await this.sql.query(
      `insert into document_versions (commune_id, id, document_id, version_number, object_key, file_name, media_type, size_bytes, sha256, text_status, published_at)
       values ($1, $2, $3, 1, $4, 'deliberation.pdf', 'application/pdf', $5, $6, 'not_applicable', $7)`,
      [communeId, versionId, id, key, bytes.length, createHash('sha256').update(bytes).digest('hex'), published ? new Date() : null],
    );
    return { id, versionId };
  }

  /** A fingerprint of every table's content, to prove a refused request changed nothing. */
  async fingerprint(): Promise<Record<string, string>> {
    const tables = ['communes', 'users', 'memberships', 'invitations', 'audit_events', 'refresh_tokens', 'documents', 'document_versions', 'upload_intents', 'search_outbox', 'agenda_events', 'budgets', 'budget_lines', 'budget_imports', 'contracts', 'contract_documents', 'contract_imports', 'feedback', 'feedback_counters', 'feedback_supports', 'consultations', 'consultation_responses', 'consultation_tallies', 'debate_topics', 'debate_comments', 'debate_reactions'];
    tables.push('commune_profiles');
    tables.push('commune_follows', 'notification_preferences', 'notification_outbox');
    tables.push('feedback_photos');
    tables.push('news');
    tables.push('council_sessions', 'council_session_agenda_items', 'council_session_documents', 'council_session_questions', 'council_session_events');
    tables.push('moderation_reports');
    tables.push('good_practices', 'good_practice_documents', 'good_practice_reviews');
    const result: Record<string, string> = {};
    for (const table of tables) {
      const row = await this.sql.query<{ digest: string | null }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`,
      );
      result[table] = row.rows[0].digest ?? '';
    }
    return result;
  }
}
