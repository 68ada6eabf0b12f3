import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, IncomingMessage, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { JwtService } from '@nestjs/jwt';
import { hashPassword } from '@communes/api-core';
import { apiEnvironment, formatLoad, log, login, ms, percentile, sleep, startApiProcess, withBenchDatabase } from './harness';

/**
 * A live council session under load: CITIZENS accounts (created up front) each follow the session
 * over server-sent events and post questions for DURATION_MS, with a random think time between
 * two questions. Measured:
 * - posting latency: from sending `POST …/questions` to its 201;
 * - delivery latency: from sending the POST to the moment each follower has read the question
 *   event from its stream (so it includes the POST itself), over every (question, follower) pair.
 * Verified: no request failed, every follower's stream stayed open, every question answered 201
 * is in the database (and nothing else is), and every follower received every such question
 * exactly once.
 *
 * The API runs in a child process; this process is the 200 citizens (their streams and posts).
 * Both share the machine's CPUs with PostgreSQL (and with anything else running).
 */

const CITIZENS = 200;
const DURATION_MS = 60_000;
/** Think time between two questions of one citizen, uniform in [min, max]; `LIVE_THINK_MS=10000-20000` changes it. */
const [THINK_MIN_MS, THINK_MAX_MS] = (process.env['LIVE_THINK_MS'] ?? '3000-7000').split('-').map(Number);
/** After the last post: how long followers may still take to receive the last questions. */
const SETTLE_MS = 20_000;
const COMMUNE = 'cotonou';
const EDITOR_EMAIL = 'editeur.bench-live@communes.bj';

interface Follower {
  received: Map<string, number>;
  duplicates: number;
  open: boolean;
  errors: string[];
  response: IncomingMessage | null;
}

export async function live(): Promise<number> {
  return withBenchDatabase(async ({ appUrl, db, cleanup }) => {
    const password = randomBytes(12).toString('hex');
    const passwordHash = await hashPassword(password);
    const communeId = (await db.query<{ id: string }>(`select id from communes where slug = $1`, [COMMUNE])).rows[0].id;
    const editor = await db.query<{ id: string }>(
      `insert into users (email, password_hash, display_name) values ($1, $2, 'Point focal (bench live)') returning id`,
      [EDITOR_EMAIL, passwordHash],
    );
    await db.query(`insert into memberships (commune_id, user_id, role) values ($1, $2, 'editor')`, [communeId, editor.rows[0].id]);
    const citizens = await db.query<{ id: string }>(
      `insert into users (email, password_hash, display_name)
       select 'citoyen-' || n || '@bench.communes.bj', $1, 'Citoyen ' || n from generate_series(1, $2) as n returning id`,
      [passwordHash, CITIZENS],
    );
    log(`${citizens.rowCount} citizen accounts and one editor created`);

    const secret = randomBytes(32).toString('hex');
    const api = await startApiProcess(
      apiEnvironment(appUrl, {
        JWT_SECRET: secret,
        // A citizen here posts every 3 to 7 s, far above the product's 10 questions an hour per
        // account: raised so that the load is measured. The per-address limit keeps its default
        // (1,000 an hour): each citizen has its own address (below).
        PARTICIPATION_LIMIT_PER_ACCOUNT_PER_HOUR: '10000',
      }),
      cleanup,
    );
    // Tokens signed as the API does (HS256, sub): 200 logins would only measure argon2.
    const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
    const tokens = await Promise.all(citizens.rows.map((row) => jwt.signAsync({ sub: row.id })));
    const editorToken = await login(api.baseUrl, EDITOR_EMAIL, password);
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
    // Each citizen connects from its own loopback address (127.0.1.1, 127.0.1.2, …: Linux routes
    // all of 127/8 to lo), as 200 phones would: the per-address limit (and its per-key lock) then
    // sees 200 addresses, not one.
    const citizenAgents = tokens.map((_, i) => new Agent({ keepAlive: true, maxSockets: Infinity, localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` }));
    const url = new URL(api.baseUrl);
    const call = (method: string, path: string, token: string, body?: unknown, via: Agent = agent) => httpJson(via, url, method, `${url.pathname}${path}`, token, body);

    const created = await call('POST', `/communes/${COMMUNE}/council-sessions`, editorToken, {
      sessionType: 'ordinary',
      title: 'Session ordinaire (bench live)',
      startsAt: new Date().toISOString(),
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      publish: true,
    });
    if (created.status !== 201) throw new Error(`creating the session answered ${created.status}: ${created.text.slice(0, 300)}`);
    const sessionId = (JSON.parse(created.text) as { id: string }).id;
    const live = await call('POST', `/communes/${COMMUNE}/council-sessions/${sessionId}/status`, editorToken, { status: 'live' });
    if (live.status !== 200) throw new Error(`going live answered ${live.status}`);
    const base = `${url.pathname}/communes/${COMMUNE}/council-sessions/${sessionId}`;

    // Every citizen follows the session before anyone posts.
    const sentAt = new Map<string, number>();
    const followers: Follower[] = [];
    const opened = performance.now();
    await Promise.all(tokens.map(async (token, i) => followers.push(await follow(citizenAgents[i], url, `${base}/events`, token, sentAt))));
    log(`${followers.length} followers connected in ${ms(performance.now() - opened)} ms; posting for ${DURATION_MS / 1000} s (load average ${formatLoad()})`);

    const apiCpuBefore = processCpuMs(api.pid);
    const benchCpuBefore = process.cpuUsage();
    const postLatencies: number[] = [];
    const postErrors: string[] = [];
    const posted = new Set<string>();
    const started = performance.now();
    const until = started + DURATION_MS;
    await Promise.all(
      tokens.map(async (token, citizen) => {
        // Spread the first questions over the first think time rather than all at once.
        await sleep(Math.random() * THINK_MAX_MS);
        for (let n = 1; performance.now() < until; n += 1) {
          const text = `Question ${n} du citoyen ${citizen + 1} : quand les travaux du marché reprendront-ils ?`;
          const begin = performance.now();
          sentAt.set(text, begin);
          try {
            const response = await call('POST', `/communes/${COMMUNE}/council-sessions/${sessionId}/questions`, token, { text }, citizenAgents[citizen]);
            postLatencies.push(performance.now() - begin);
            if (response.status === 201) posted.add((JSON.parse(response.text) as { id: string }).id);
            else postErrors.push(`${response.status} ${response.text.slice(0, 200)}`);
          } catch (error) {
            postErrors.push(String(error));
          }
          await sleep(THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS));
        }
      }),
    );
    const postingSeconds = (performance.now() - started) / 1000;
    const apiCpu = processCpuMs(api.pid) - apiCpuBefore;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    log(`${posted.size} questions posted in ${postingSeconds.toFixed(1)} s (${(posted.size / postingSeconds).toFixed(1)}/s); load average ${formatLoad()}`);

    // Let the last events arrive.
    const settleUntil = performance.now() + SETTLE_MS;
    while (performance.now() < settleUntil && followers.some((f) => f.received.size < posted.size)) await sleep(200);

    const stored = await db.query<{ id: string }>(`select id from council_session_questions where session_id = $1`, [sessionId]);
    const storedIds = new Set(stored.rows.map((row) => row.id));
    const notStored = [...posted].filter((id) => !storedIds.has(id)).length;
    const storedNotAnswered = [...storedIds].filter((id) => !posted.has(id)).length;
    const missing = followers.map((f) => [...posted].filter((id) => !f.received.has(id)).length);
    const duplicates = followers.reduce((sum, f) => sum + f.duplicates, 0);
    const closedEarly = followers.filter((f) => !f.open || f.errors.length > 0).length;
    for (const follower of followers) follower.response?.destroy();

    const deliveries = followers.flatMap((f) => [...f.received.values()]).sort((a, b) => a - b);
    postLatencies.sort((a, b) => a - b);
    const row = (name: string, values: number[]) =>
      `| ${name} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${ms(percentile(values, 99))} | ${ms(values[values.length - 1] ?? NaN)} |`;
    console.log('');
    console.log(`| latency (ms) | count | p50 | p95 | p99 | max |`);
    console.log(`|---|---:|---:|---:|---:|---:|`);
    console.log(row('posting a question (POST → 201)', postLatencies));
    console.log(row('delivery to each follower (POST sent → event read)', deliveries));
    console.log('');
    console.log(`questions answered 201: ${posted.size}; failed posts: ${postErrors.length}${postErrors.length ? ` (first: ${postErrors[0]})` : ''}`);
    console.log(`in the database: ${storedIds.size}; answered 201 but not stored: ${notStored}; stored but not answered 201: ${storedNotAnswered}`);
    console.log(`followers: ${followers.length}; streams closed or failed early: ${closedEarly}; questions missed (sum over followers): ${missing.reduce((a, b) => a + b, 0)}; duplicates: ${duplicates}`);
    console.log(
      `CPU while posting (${postingSeconds.toFixed(1)} s): API process ${(apiCpu / 1000).toFixed(1)} s (${(apiCpu / Math.max(1, posted.size)).toFixed(1)} ms per question, fan-out included), ` +
        `this load generator ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s; PostgreSQL not counted`,
    );
    console.log(`think time ${THINK_MIN_MS}-${THINK_MAX_MS} ms; load average at the end ${formatLoad()}`);
    const ok = postErrors.length === 0 && notStored === 0 && storedNotAnswered === 0 && closedEarly === 0 && missing.every((m) => m === 0) && duplicates === 0;
    console.log(ok ? 'OK: no error, no lost question' : 'FAILED: see above');
    agent.destroy();
    for (const citizenAgent of citizenAgents) citizenAgent.destroy();
    return ok ? 0 : 1;
  });
}

/** User + system CPU time of a process so far, from /proc (Linux), in ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function httpJson(agent: Agent, url: URL, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens one stream and records, per question id, the delivery latency measured from its POST. */
function follow(agent: Agent, url: URL, path: string, token: string, sentAt: Map<string, number>): Promise<Follower> {
  return new Promise((resolve, reject) => {
    const follower: Follower = { received: new Map(), duplicates: 0, open: true, errors: [], response: null };
    const req = request({ agent, host: url.hostname, port: url.port, path, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      follower.response = res;
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk: string) => {
        const now = performance.now();
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          if (!block.includes('event: question')) continue;
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const question = (JSON.parse(data.slice(6)) as { question: { id: string; text: string } }).question;
          if (follower.received.has(question.id)) follower.duplicates += 1;
          else follower.received.set(question.id, now - (sentAt.get(question.text) ?? now));
        }
      });
      res.on('close', () => {
        follower.open = false;
      });
      res.on('error', (error) => follower.errors.push(String(error)));
      resolve(follower);
    });
    req.on('error', (error) => {
      follower.errors.push(String(error));
      reject(error);
    });
    req.end();
  });
}
