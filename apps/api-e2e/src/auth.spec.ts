import { JwtService } from '@nestjs/jwt';
import { runMigrations, TenantTransaction } from '@communes/api-database';
import { TestContext, TestUser, TEST_PASSWORD } from '@communes/api-testing';

interface Tokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { field: string; messages: string[] }[];
}
interface Answer<T> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}
/** A signed-in browser as the API sees it: the body's access token and the cookie's refresh token. */
interface Session extends Tokens {
  refreshToken: string;
}

const COOKIE = 'communes.refresh';
/** The signed-in flag the API sets and clears with the refresh cookie (no secret, read by the web app at start). */
const FLAG = 'communes.signed-in';
/** What the web app adds to the routes that read the cookie (CSRF defence, see CookieCsrfGuard). */
const CSRF = { 'x-requested-with': 'XMLHttpRequest' };

/** The refresh cookie (or another one) an answer sets (its value, and its attributes in lower case), if any. */
function setCookie(response: Answer<unknown>, name = COOKIE): { value: string; attributes: string[] } | null {
  const header = response.headers['set-cookie'];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  const ours = all.find((c) => c.startsWith(`${name}=`));
  if (!ours) return null;
  const [pair, ...attributes] = ours.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** Both cookies expired at once by an answer that ends the session. */
function expectBothCleared(response: Answer<unknown>): void {
  expect(setCookie(response)).toEqual({ value: '', attributes: expect.arrayContaining(['path=/api/v1/auth', 'max-age=0', 'httponly', 'samesite=strict']) });
  expect(setCookie(response, FLAG)).toEqual({ value: '', attributes: expect.arrayContaining(['path=/', 'max-age=0', 'samesite=strict']) });
  expect(setCookie(response, FLAG)?.attributes).not.toContain('httponly');
}

/** The session a login, register or refresh answered: the refresh token must come in the cookie. */
function sessionOf(response: Answer<Tokens>): Session {
  const cookie = setCookie(response);
  if (!cookie?.value) throw new Error(`no refresh cookie in the answer (${response.status})`);
  return { ...response.body, refreshToken: cookie.value };
}

describe('accounts and sessions', () => {
  let ctx: TestContext;
  let citizen: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.create();
    citizen = await ctx.newUser();
  });
  afterAll(() => ctx.close());

  const login = (identifier: string, password: string) =>
    ctx.request<Tokens & Problem>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier, password } });
  const loginSession = async (identifier: string) => sessionOf(await login(identifier, TEST_PASSWORD));
  /** POST /auth/refresh or /auth/logout as the browser sends it: the cookie (if any), the CSRF header, no body. */
  const withCookie = <T = Tokens & Problem>(route: 'refresh' | 'logout', refreshToken: string | null, headers: Record<string, string> = CSRF) =>
    ctx.request<T>({ method: 'POST', url: `/api/v1/auth/${route}`, headers: { ...headers, ...(refreshToken ? { cookie: `${COOKIE}=${refreshToken}` } : {}) } });
  const refresh = (refreshToken: string | null) => withCookie('refresh', refreshToken);
  /** Moves the account's past rotations back in time (instead of waiting out the grace window). */
  const rotatedSecondsAgo = (userId: string, seconds: number) =>
    ctx.sql.query(`update refresh_tokens set used_at = used_at - make_interval(secs => $2) where user_id = $1 and used_at is not null`, [userId, seconds]);
  /** The account's refresh tokens that would still be accepted: one per login, whatever happened. */
  const liveTokens = async (userId: string) =>
    (
      await ctx.sql.query<{ count: number }>(
        `select count(*)::int as count from refresh_tokens where user_id = $1 and used_at is null and revoked_at is null and expires_at > now()`,
        [userId],
      )
    ).rows[0].count;

  it('registers with an email, logs in and reads /me', async () => {
    const email = `new-${ctx.uniqueSuffix()}@test.bj`;
    const registered = await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/register', body: { email, password: 'a-long-password', displayName: 'Awa' } });
    expect(registered.status).toBe(201);
    const me = await ctx.request<{ email: string; platformRole: null; memberships: unknown[] }>({ method: 'GET', url: '/api/v1/me', token: registered.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, platformRole: null, memberships: [] });
    expect((await login(email.toUpperCase(), 'a-long-password')).status).toBe(200);
  });

  it('registers and logs in with a Beninese phone number written loosely', async () => {
    const registered = await ctx.request({ method: 'POST', url: '/api/v1/auth/register', body: { phone: '+229 01 97 12 34 56', password: 'a-long-password', displayName: 'Koffi' } });
    expect(registered.status).toBe(201);
    expect((await login('0197123456', 'a-long-password')).status).toBe(200);
  });

  it('refuses a second account with the same email (409)', async () => {
    const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/register', body: { email: citizen.email, password: 'a-long-password', displayName: 'X' } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('auth.account-exists');
  });

  it('answers a wrong password and an unknown account the same way (401)', async () => {
    const wrong = await login(citizen.email, 'not-the-password');
    const unknown = await login('nobody@test.bj', 'whatever-password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('auth.invalid-credentials');
    }
  });

  it('refuses an expired or forged access token with 401', async () => {
    const forged = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/me', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.status).toBe(401);
    const expired = await ctx.app.get(JwtService).signAsync({ sub: citizen.id }, { expiresIn: -10 });
    const response = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/me', token: expired });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.invalid-token');
  });

  describe('the refresh token is an httpOnly cookie, never in a body', () => {
    it('login, register and refresh set it with its attributes; the body carries the access token only', async () => {
      const registered = await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/register', body: { email: `cookie-${ctx.uniqueSuffix()}@test.bj`, password: 'a-long-password', displayName: 'Afi' } });
      const loggedIn = await login(citizen.email, TEST_PASSWORD);
      const refreshed = await refresh(sessionOf(loggedIn).refreshToken);
      for (const response of [registered, loggedIn, refreshed]) {
        expect(response.status).toBeLessThan(300);
        expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
        const cookie = setCookie(response);
        expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
        expect(cookie?.attributes).toEqual(
          expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth', `max-age=${30 * 86_400}`]),
        );
        // Served over plain http (PUBLIC_URL http://localhost here, as with npm start): not Secure.
        expect(cookie?.attributes).not.toContain('secure');
        // The signed-in flag with it: no secret, readable by the app's scripts on every page, same lifetime.
        const flag = setCookie(response, FLAG);
        expect(flag?.value).toBe('1');
        expect(flag?.attributes).toEqual(expect.arrayContaining(['samesite=strict', 'path=/', `max-age=${30 * 86_400}`]));
        expect(flag?.attributes).not.toContain('httponly');
        expect(flag?.attributes).not.toContain('secure');
      }
    });

    it('a refresh without the cookie is a 401 problem saying so', async () => {
      const response = await refresh(null);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('auth.refresh-cookie-missing');
      expect(response.body.detail).toMatch(/cookie/);
    });

    it('a refresh token in the body (the former API) is refused with 400, even with a valid cookie', async () => {
      const session = await loginSession(citizen.email);
      const response = await ctx.request<Problem>({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { ...CSRF, cookie: `${COOKIE}=${session.refreshToken}` },
        body: { refreshToken: session.refreshToken },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation.failed');
      expect(response.body.errors).toEqual([{ field: 'refreshToken', messages: [expect.stringContaining('cookie')] }]);
      expect(setCookie(response)).toBeNull();
      // Nothing was consumed: the cookie still works, with no body or an empty JSON object (what the web app sends).
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      const emptyObject = await ctx.request({ method: 'POST', url: '/api/v1/auth/refresh', headers: { ...CSRF, cookie: `${COOKIE}=${sessionOf(rotated).refreshToken}` }, body: {} });
      expect(emptyObject.status).toBe(200);
      const bodyOnly = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/logout', headers: CSRF, body: { refreshToken: session.refreshToken } });
      expect(bodyOnly.status).toBe(400);
    });

    it('refresh and logout refuse a request without the X-Requested-With header (403), and touch nothing', async () => {
      const session = await loginSession(citizen.email);
      for (const route of ['refresh', 'logout'] as const) {
        const forged = await withCookie<Problem>(route, session.refreshToken, {});
        expect(forged.status).toBe(403);
        expect(forged.headers['content-type']).toContain('application/problem+json');
        expect(forged.body.code).toBe('auth.csrf-header-missing');
        expect(setCookie(forged)).toBeNull();
      }
      expect((await refresh(session.refreshToken)).status).toBe(200);
    });

    it('a cross-site form cannot log someone in: a text/plain body is refused and sets no cookie', async () => {
      const response = await ctx.request<Problem>({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: JSON.stringify({ identifier: citizen.email, password: TEST_PASSWORD }),
        headers: { 'content-type': 'text/plain' },
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(setCookie(response)).toBeNull();
    });
  });

  it('rotates the cookie on each refresh, and ends every session of the account, clearing the cookie, when an old one is replayed after the grace window', async () => {
    const user = await ctx.newUser();
    const otherDevice = await loginSession(user.email);
    const first = await loginSession(user.email);
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    const second = sessionOf(rotated);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: second.accessToken })).status).toBe(200);

    await rotatedSecondsAgo(user.id, 31); // past REFRESH_REUSE_GRACE_SECONDS (30 by default)
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('auth.refresh-token-reused');
    // The replayer's cookie is cleared (expired at once, same name and path), and the signed-in flag with it.
    expectBothCleared(replay);
    // The legitimate latest token died, and so did the account's other sessions, access tokens included.
    // Each device, on its next refresh, is told why (not merely "expired"), and its cookie cleared.
    for (const refreshToken of [second.refreshToken, otherDevice.refreshToken]) {
      const after = await refresh(refreshToken);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('auth.refresh-token-reused');
      expectBothCleared(after);
    }
    for (const token of [otherDevice.accessToken, second.accessToken]) {
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token })).status).toBe(401);
    }
    // Logging in again works.
    const again = await loginSession(user.email);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: again.accessToken })).status).toBe(200);
  });

  describe('the reuse grace window (REFRESH_REUSE_GRACE_SECONDS, 30 s here): an answer lost on a weak connection', () => {
    /** A phone signed in beside another device; its refresh was rotated by the server but the answer never arrived. */
    const lostAnswer = async () => {
      const user = await ctx.newUser();
      const otherDevice = await loginSession(user.email);
      const phone = await loginSession(user.email);
      const lost = sessionOf(await refresh(phone.refreshToken));
      return { user, otherDevice, phone, lost };
    };
    const expectEverythingEnded = async (...sessions: Session[]) => {
      for (const session of sessions) {
        const after = await refresh(session.refreshToken);
        expect(after.status).toBe(401);
        expect(after.body.code).toBe('auth.refresh-token-reused');
        expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: session.accessToken })).status).toBe(401);
      }
    };

    it('the token just rotated, presented again within the window, gets a working new cookie; the other sessions live on', async () => {
      const { user, otherDevice, phone, lost } = await lostAnswer();
      const retry = await refresh(phone.refreshToken);
      expect(retry.status).toBe(200);
      const retried = sessionOf(retry);
      expect(setCookie(retry, FLAG)?.value).toBe('1');
      expect(retried.refreshToken).not.toBe(phone.refreshToken);
      expect(retried.refreshToken).not.toBe(lost.refreshToken);
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: retried.accessToken })).status).toBe(200);
      // One live token for the phone's login (the lost one superseded), one for the other device.
      expect(await liveTokens(user.id)).toBe(2);
      const { rows } = await ctx.sql.query<{ reason: string | null; used: boolean }>(
        `select revoked_reason as reason, used_at is not null as used from refresh_tokens where user_id = $1 and revoked_at is not null`,
        [user.id],
      );
      expect(rows).toEqual([{ reason: 'superseded', used: false }]);
      // The new cookie rotates as usual, and nothing else was touched.
      const next = await refresh(retried.refreshToken);
      expect(next.status).toBe(200);
      expect((await refresh(otherDevice.refreshToken)).status).toBe(200);
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: otherDevice.accessToken })).status).toBe(200);
    });

    it('a second lost answer: the same token works again within the window counted from its first rotation, still one live token', async () => {
      const { user, phone } = await lostAnswer();
      expect((await refresh(phone.refreshToken)).status).toBe(200); // lost too
      await rotatedSecondsAgo(user.id, 20);
      const retry = await refresh(phone.refreshToken);
      expect(retry.status).toBe(200);
      expect(await liveTokens(user.id)).toBe(2);
      expect((await refresh(sessionOf(retry).refreshToken)).status).toBe(200);
    });

    it('presented after the window, it is a replay: every session ends', async () => {
      const { user, otherDevice, phone, lost } = await lostAnswer();
      await rotatedSecondsAgo(user.id, 31);
      const late = await refresh(phone.refreshToken);
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('auth.refresh-token-reused');
      expectBothCleared(late);
      await expectEverythingEnded(lost, otherDevice);
      expect(await liveTokens(user.id)).toBe(0);
    });

    it('an older ancestor, even within the window, is a replay: every session ends', async () => {
      const { user, otherDevice, phone, lost } = await lostAnswer();
      const latest = sessionOf(await refresh(lost.refreshToken)); // lost was received after all and rotated
      const replay = await refresh(phone.refreshToken);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('auth.refresh-token-reused');
      await expectEverythingEnded(latest, otherDevice);
      expect(await liveTokens(user.id)).toBe(0);
    });

    it('the token the grace replaced was handed out: presented later, it is a replay (a thief used the old one first), and every session ends', async () => {
      // The owner got its answer (lost is in its cookie); a copy of the previous token is replayed within the window.
      const { user, otherDevice, phone, lost } = await lostAnswer();
      const thief = sessionOf(await refresh(phone.refreshToken));
      const owner = await refresh(lost.refreshToken);
      expect(owner.status).toBe(401);
      expect(owner.body.code).toBe('auth.refresh-token-reused');
      expectBothCleared(owner);
      await expectEverythingEnded(thief, otherDevice);
      expect(await liveTokens(user.id)).toBe(0);
    });

    it('concurrent refreshes with the token just rotated run one after the other (row lock): one live token for that login', async () => {
      const user = await ctx.newUser();
      const phone = await loginSession(user.email);
      expect((await refresh(phone.refreshToken)).status).toBe(200); // lost
      // Hold the live token's row, so that the three refreshes are all inside their transaction at
      // once (otherwise one may be over before the next begins), then let them go.
      await ctx.sql.query('begin');
      await ctx.sql.query(`select 1 from refresh_tokens where user_id = $1 and used_at is null and revoked_at is null for update`, [user.id]);
      const pending = Promise.all([refresh(phone.refreshToken), refresh(phone.refreshToken), refresh(phone.refreshToken)]);
      for (let waited = 0; waited < 5000; waited += 50) {
        const { rows } = await ctx.sql.query<{ waiting: number }>(`select count(distinct pid)::int as waiting from pg_locks where not granted`);
        if (rows[0].waiting >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await ctx.sql.query('commit');
      const answers = await pending;
      // Each one, in turn, supersedes the token the one before it issued.
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(await liveTokens(user.id)).toBe(1);
      const { rows } = await ctx.sql.query<{ count: number }>(
        `select count(*)::int as count from refresh_tokens where user_id = $1 and revoked_reason = 'superseded'`,
        [user.id],
      );
      expect(rows[0].count).toBe(3);
      // Of the cookies answered, exactly one still works: the last one issued.
      const live = await Promise.all(
        answers.map(async (answer) => {
          const { rows: found } = await ctx.sql.query(
            `select 1 from refresh_tokens where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') and revoked_at is null`,
            [sessionOf(answer).refreshToken],
          );
          return found.length;
        }),
      );
      expect(live.reduce((a, b) => a + b, 0)).toBe(1);
    });

    it('the token just rotated and its live successor presented at once: one wins, the other is a replay, nothing stays live', async () => {
      const user = await ctx.newUser();
      const phone = await loginSession(user.email);
      const lost = sessionOf(await refresh(phone.refreshToken));
      const answers = await Promise.all([refresh(phone.refreshToken), refresh(lost.refreshToken)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      expect(await liveTokens(user.id)).toBe(0);
    });
  });

  it('a token revoked by a logout is refused without ending the other sessions (a second tab after a logout)', async () => {
    const user = await ctx.newUser();
    const kept = await loginSession(user.email);
    const loggedOut = await loginSession(user.email);
    expect((await withCookie('logout', loggedOut.refreshToken)).status).toBe(204);
    const stale = await refresh(loggedOut.refreshToken);
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('auth.invalid-refresh-token');
    expectBothCleared(stale);
    expect((await refresh(kept.refreshToken)).status).toBe(200);
  });

  it('logs out everywhere: every refresh token revoked, every access token refused at once, this browser\'s cookies cleared', async () => {
    const user = await ctx.newUser();
    const phone = await loginSession(user.email);
    const laptop = await loginSession(user.email);
    const bystander = await loginSession(citizen.email);
    expect((await ctx.request({ method: 'DELETE', url: '/api/v1/me/sessions' })).status).toBe(401);
    const everywhere = await ctx.request({ method: 'DELETE', url: '/api/v1/me/sessions', token: laptop.accessToken });
    expect(everywhere.status).toBe(204);
    expectBothCleared(everywhere);
    for (const tokens of [phone, laptop]) {
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: tokens.accessToken })).status).toBe(401);
      expect((await refresh(tokens.refreshToken)).status).toBe(401);
    }
    // Another account is untouched.
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: bystander.accessToken })).status).toBe(200);
    const again = await loginSession(user.email);
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: again.accessToken })).status).toBe(200);
  });

  it('issues tokens on login, refresh and register without reading the account again: its session version comes with the stored refresh token', async () => {
    const user = await ctx.newUser();
    await ctx.sql.query('update users set session_version = 3 where id = $1', [user.id]);
    const jwt = ctx.app.get(JwtService);
    const tx = ctx.app.get(TenantTransaction);
    const issued = async (send: () => Promise<Answer<Tokens>>) => {
      const statements = jest.spyOn(tx, 'query');
      try {
        const response = await send();
        expect(response.status).toBeLessThan(300);
        return {
          statements: statements.mock.calls.map(([sql]) => sql.trim().split(/\s/)[0]),
          sv: jwt.decode<{ sv: number }>(response.body.accessToken).sv,
          session: sessionOf(response),
        };
      } finally {
        statements.mockRestore();
      }
    };
    const loggedIn = await issued(() => login(user.email, TEST_PASSWORD));
    expect(loggedIn).toMatchObject({ statements: ['select', 'insert'], sv: 3 }); // the account by its email, the refresh token
    const refreshed = await issued(() => refresh(loggedIn.session.refreshToken));
    expect(refreshed).toMatchObject({ statements: ['update', 'insert'], sv: 3 }); // the old token used, the new one stored
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: refreshed.session.accessToken })).status).toBe(200);
    const registered = await issued(() => ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/register', body: { email: `sv-${ctx.uniqueSuffix()}@test.bj`, password: 'a-long-password', displayName: 'Sèna' } }));
    expect(registered).toMatchObject({ statements: ['insert', 'insert'], sv: 0 });
  });

  it('logout revokes the session and clears the cookie and the flag; without a cookie it only clears them', async () => {
    const session = await loginSession(citizen.email);
    const logout = await withCookie('logout', session.refreshToken);
    expect(logout.status).toBe(204);
    expectBothCleared(logout);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    const again = await withCookie('logout', null);
    expect(again.status).toBe(204);
    expectBothCleared(again);
  });

  describe('bad input gets a clear 4xx problem, never a 500', () => {
    it('malformed JSON', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/login', payload: '{"identifier": ', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('request.malformed-json');
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('unknown fields', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/register', body: { email: 'a@b.bj', password: 'a-long-password', displayName: 'A', isAdmin: true } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation.failed');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isAdmin' })]));
    });

    it('unknown fields on login too', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: citizen.email, password: TEST_PASSWORD, role: 'admin' } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation.failed');
    });

    it('missing and wrongly typed fields', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/register', body: { email: 'not-an-email', password: 123 } });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['displayName', 'email', 'password']);
    });

    it('oversize bodies', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/register', payload: JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('request.too-large');
    });

    it('a JSON body that is not an object', async () => {
      const response = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/login', payload: '[1,2]', headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
    });

    it('an unknown route', async () => {
      const response = await ctx.request<Problem>({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });
});

describe('login rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After past the limit', async () => {
    const attempt = () => ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: 'x@test.bj', password: 'wrong-password' } });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate-limit.exceeded');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('REFRESH_REUSE_GRACE_SECONDS=0: no grace, the token just rotated is a replay at once', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ REFRESH_REUSE_GRACE_SECONDS: '0' });
  });
  afterAll(() => ctx.close());

  const refresh = (refreshToken: string) =>
    ctx.request<Tokens & Problem>({ method: 'POST', url: '/api/v1/auth/refresh', headers: { ...CSRF, cookie: `${COOKIE}=${refreshToken}` } });
  const loginSession = async (email: string) =>
    sessionOf(await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: email, password: TEST_PASSWORD } }));

  it('ends every session when the previous token comes back, even a second later', async () => {
    const user = await ctx.newUser();
    const otherDevice = await loginSession(user.email);
    const phone = await loginSession(user.email);
    const lost = sessionOf(await refresh(phone.refreshToken));
    const retry = await refresh(phone.refreshToken);
    expect(retry.status).toBe(401);
    expect(retry.body.code).toBe('auth.refresh-token-reused');
    expectBothCleared(retry);
    for (const session of [lost, otherDevice]) {
      expect((await refresh(session.refreshToken)).status).toBe(401);
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: session.accessToken })).status).toBe(401);
    }
  });
});

// Its own API: one TestContext at a time per file (they share the process's database plumbing).
describe('the refresh cookie over https', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ PUBLIC_URL: 'https://communes.test' });
  });
  afterAll(() => ctx.close());

  it('is Secure when the app is served over https (PUBLIC_URL), when set and when cleared', async () => {
    const user = await ctx.newUser();
    const response = await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: user.email, password: TEST_PASSWORD } });
    expect(setCookie(response)?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/api/v1/auth']));
    expect(setCookie(response, FLAG)?.attributes).toEqual(expect.arrayContaining(['secure', 'samesite=strict', 'path=/']));
    const logout = await ctx.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...CSRF, cookie: `${COOKIE}=${sessionOf(response).refreshToken}` } });
    expect(logout.status).toBe(204);
    expect(setCookie(logout)?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/api/v1/auth', 'max-age=0']));
    expect(setCookie(logout, FLAG)?.attributes).toEqual(expect.arrayContaining(['secure', 'samesite=strict', 'path=/', 'max-age=0']));
  });
});

// Its own database: the migration revokes every live token of it.
describe('migration 1765000000000: the refresh tokens live before the cookie are revoked at deploy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  const refresh = (refreshToken: string) =>
    ctx.request<Tokens & Problem>({ method: 'POST', url: '/api/v1/auth/refresh', headers: { ...CSRF, cookie: `${COOKIE}=${refreshToken}` } });
  const loginSession = async (email: string) =>
    sessionOf(await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: email, password: TEST_PASSWORD } }));

  it('revokes each live token (reason cookie-migration): presented later, it is "expired", ends nothing else, and a new login works', async () => {
    const user = await ctx.newUser();
    // Before the deploy: a live token (as an older app kept in localStorage), and one already rotated.
    const live = await loginSession(user.email);
    const rotatedAway = await loginSession(user.email);
    const afterRotation = sessionOf(await refresh(rotatedAway.refreshToken));

    // The deploy: this migration is pending again and runs like any other (npm run db:migrate).
    await ctx.sql.query(`delete from schema_migrations where name = 'RevokePreCookieRefreshTokens1765000000000'`);
    expect(await runMigrations(ctx.db.ownerUrl)).toEqual(['RevokePreCookieRefreshTokens1765000000000']);

    const { rows } = await ctx.sql.query<{ revoked: boolean; reason: string | null; used: boolean }>(
      `select revoked_at is not null as revoked, revoked_reason as reason, used_at is not null as used
       from refresh_tokens where user_id = $1 order by created_at, used_at nulls last`,
      [user.id],
    );
    // Live ones revoked; the rotated one kept as it was (presenting it stays a replay).
    expect(rows).toEqual(
      expect.arrayContaining([
        { revoked: true, reason: 'cookie-migration', used: false },
        { revoked: false, reason: null, used: true },
      ]),
    );
    expect(rows.filter((row) => !row.revoked && !row.used)).toEqual([]);

    const newLogin = await loginSession(user.email);
    for (const refreshToken of [live.refreshToken, afterRotation.refreshToken]) {
      const refused = await refresh(refreshToken);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('auth.invalid-refresh-token');
      expectBothCleared(refused);
    }
    // Not a replay: the session opened after the deploy lives on.
    expect((await refresh(newLogin.refreshToken)).status).toBe(200);
  });
});
