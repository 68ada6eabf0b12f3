import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';
import { CouncilSessionsRepository } from '@communes/api-council-sessions';
import { TenantTransaction } from '@communes/api-database';
import { TestContext } from '@communes/api-testing';

/**
 * Live updates over server-sent events, read by a real HTTP client (fetch) from the API listening
 * on a port, and fanned out through PostgreSQL LISTEN/NOTIFY to a second API process on the same
 * database.
 */
interface StreamEvent {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** A follower: reads the stream as a browser's EventSource would, keeping events and comments. */
class Follower {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  contentType = '';
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  private done: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string> = {}): Promise<Follower> {
    const follower = new Follower();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: follower.abort.signal });
    follower.status = response.status;
    follower.contentType = response.headers.get('content-type') ?? '';
    if (response.body) follower.done = follower.read(response.body);
    return follower;
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<StreamEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} events, got ${this.events.length}: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.events;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done.catch(() => undefined);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const block = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(':');
            fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
        }
        if (fields['data'] !== undefined) this.events.push({ id: fields['id'], event: fields['event'], data: JSON.parse(fields['data']) as Record<string, unknown> });
      }
      for (const wake of this.waiters.splice(0)) wake();
    }
  }
}

const path = '/api/v1/communes/cotonou/council-sessions';
const question = (n: number) => `Question numéro ${n} sur le budget participatif de l’année 2026 ?`;

async function listeningConnections(ctx: TestContext): Promise<number> {
  const result = await ctx.sql.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'communes-session-events'`,
  );
  return result.rows[0].n;
}

describe('council sessions: live updates over server-sent events', () => {
  let ctx: TestContext;
  let second: NestFastifyApplication;
  let origin: string;
  let secondOrigin: string;
  let editor: string;
  let citizen: string;
  const followers: Follower[] = [];

  const follow = async (url: string, headers?: Record<string, string>) => {
    const follower = await Follower.open(url, headers);
    followers.push(follower);
    return follower;
  };

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    // A second API process on the same database (another replica behind the load balancer).
    second = await createApiApplication(
      loadAppConfig({
        NODE_ENV: 'test',
        DATABASE_URL: ctx.db.appUrl,
        DATABASE_OWNER_URL: ctx.db.ownerUrl,
        DATABASE_POOL_SIZE: '3',
        // The same secret, as replicas share it (the auth setup keeps one per process).
        JWT_SECRET: ctx.app.get(AppConfig).JWT_SECRET,
        LOG_LEVEL: 'silent',
        BACKGROUND_JOBS_INTERVAL_MS: '0',
        STORAGE_DRIVER: 'filesystem',
        STORAGE_FS_ROOT: await mkdtemp(join(tmpdir(), 'communes-documents-')),
      }),
    );
    await second.listen(0, '127.0.0.1');
    secondOrigin = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
    editor = await ctx.tokenFor(await ctx.newUser({ memberships: [{ communeSlug: 'cotonou', role: 'editor' }] }));
    citizen = await ctx.tokenFor(await ctx.newUser());
  });
  afterAll(async () => {
    for (const follower of followers) await follower.close();
    await second?.close();
    await ctx.close();
  });

  async function newSession(publish = true): Promise<string> {
    const created = await ctx.request<{ id: string }>({
      method: 'POST',
      url: path,
      token: editor,
      body: { sessionType: 'ordinary', title: 'Session ordinaire', startsAt: new Date(Date.now() + 86_400_000).toISOString(), publish },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  const ask = (id: string, n: number) => ctx.request<{ id: string }>({ method: 'POST', url: `${path}/${id}/questions`, token: citizen, body: { text: question(n) } });

  it('every follower, on either API process, receives status changes, questions, answers and hidings, in order, once', async () => {
    const id = await newSession();
    const here = await follow(`${origin}${path}/${id}/events`);
    const there = await follow(`${secondOrigin}${path}/${id}/events`);
    const signedIn = await follow(`${origin}${path}/${id}/events`, { authorization: `Bearer ${citizen}` });
    expect(here.status).toBe(200);
    expect(here.contentType).toContain('text/event-stream');

    await ctx.request({ method: 'POST', url: `${path}/${id}/status`, token: editor, body: { status: 'live' } });
    const first = await ask(id, 1);
    const second = await ask(id, 2);
    await ctx.request({ method: 'POST', url: `${path}/${id}/questions/${first.body.id}/answer`, token: editor, body: { answer: 'Oui.' } });
    await ctx.request({ method: 'POST', url: `${path}/${id}/questions/${second.body.id}/hide`, token: editor, body: { reason: 'Doublon' } });

    for (const follower of [here, there, signedIn]) {
      const events = await follower.waitFor(5);
      expect(events.map((e) => e.event)).toEqual(['status', 'question', 'question', 'answer', 'hidden']);
      expect(events[0].data).toMatchObject({ status: 'live' });
      expect(events[1].data).toMatchObject({ question: { id: first.body.id, text: question(1), authorId: null, authorName: null } });
      expect(events[3].data).toMatchObject({ questionId: first.body.id, answer: 'Oui.' });
      // A hidden question's reason is for its author and staff: followers only learn it is gone.
      expect(events[4].data).toEqual({ questionId: second.body.id, createdAt: expect.any(String) });
      const ids = events.map((e) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    }
    expect(there.events).toEqual(here.events);

    // One listening connection per API process, whatever the number of followers.
    expect(await listeningConnections(ctx)).toBe(2);
  });

  it('a follower that reconnects with Last-Event-ID (or ?since) gets what it missed, then live events', async () => {
    const id = await newSession();
    const follower = await follow(`${origin}${path}/${id}/events`);
    await ask(id, 1);
    const [seen] = await follower.waitFor(1);
    await follower.close();

    await ask(id, 2);
    await ask(id, 3);
    const resumed = await follow(`${secondOrigin}${path}/${id}/events`, { 'last-event-id': seen.id });
    await ask(id, 4);
    const events = await resumed.waitFor(3);
    expect(events.map((e) => (e.data['question'] as { text: string }).text)).toEqual([question(2), question(3), question(4)]);

    const bySince = await follow(`${origin}${path}/${id}/events?since=0`);
    expect((await bySince.waitFor(4)).map((e) => (e.data['question'] as { text: string }).text)).toEqual([question(1), question(2), question(3), question(4)]);
  });

  it('many questions posted at once all reach every follower, with no duplicate', async () => {
    const id = await newSession();
    const a = await follow(`${origin}${path}/${id}/events`);
    const b = await follow(`${secondOrigin}${path}/${id}/events`);
    const posted = await Promise.all(Array.from({ length: 30 }, (_, n) => ask(id, n)));
    expect(posted.every((response) => response.status === 201)).toBe(true);
    for (const follower of [a, b]) {
      const events = await follower.waitFor(30);
      const received = events.map((e) => (e.data['question'] as { id: string }).id);
      expect(new Set(received).size).toBe(30);
      expect(new Set(received)).toEqual(new Set(posted.map((response) => response.body.id)));
    }
  });

  it('keeps delivering after its listening connection is cut: it reconnects and reads what was committed meanwhile', async () => {
    const id = await newSession();
    const follower = await follow(`${origin}${path}/${id}/events`);
    await ask(id, 1);
    await follower.waitFor(1);
    await ctx.sql.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'communes-session-events'`);
    await ask(id, 2); // committed while no connection listens
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await ask(id, 3);
    const events = await follower.waitFor(3);
    expect(events.map((e) => (e.data['question'] as { text: string }).text)).toEqual([question(1), question(2), question(3)]);
    expect(follower.events).toHaveLength(3);
  });

  it('appends the events of a session one transaction at a time, so their ids follow commit order (resuming never skips one)', async () => {
    const id = await newSession();
    const communeId = await ctx.communeId('cotonou');
    const tx = ctx.app.get(TenantTransaction);
    const sessions = ctx.app.get(CouncilSessionsRepository);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstId = '';
    const first = tx.run({ communeId, userId: null, scope: 'staff' }, async () => {
      firstId = await sessions.appendEvent(communeId, id, 'updated', {});
      await held; // not committed yet
    });
    while (!firstId) await new Promise((resolve) => setTimeout(resolve, 20));
    let secondId = '';
    const second = tx.run({ communeId, userId: null, scope: 'staff' }, async () => {
      secondId = await sessions.appendEvent(communeId, id, 'updated', {});
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(secondId).toBe(''); // waiting for the first transaction to end
    release();
    await Promise.all([first, second]);
    expect(BigInt(secondId)).toBeGreaterThan(BigInt(firstId));
  });

  it('refuses unknown sessions, drafts and a bad Last-Event-ID with problem+json before streaming', async () => {
    const draft = await newSession(false);
    for (const [url, headers, status] of [
      [`${origin}${path}/${draft}/events`, {}, 404],
      [`${origin}${path}/00000000-0000-4000-8000-000000000000/events`, {}, 404],
      [`${origin}${path}/not-a-uuid/events`, {}, 400],
      [`${origin}${path}/${await newSession()}/events`, { 'last-event-id': 'abc' }, 400],
    ] as const) {
      const response = await fetch(url, { headers });
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({ url, status, type: expect.stringContaining('application/problem+json') });
    }
  });
});
