import { JwtService } from '@nestjs/jwt';
import { TenantTransaction } from '@communes/api-database';
import { TestContext, TestUser, TEST_PASSWORD } from '@communes/api-testing';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { field: string; messages: string[] }[];
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

  it('rotates refresh tokens and ends every session of the account when one is reused', async () => {
    const user = await ctx.newUser();
    const otherDevice = (await login(user.email, TEST_PASSWORD)).body;
    const first = (await login(user.email, TEST_PASSWORD)).body;
    const second = await ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const replay = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('auth.refresh-token-reused');
    // The legitimate latest token died, and so did the account's other sessions, access tokens included.
    // Each device, on its next refresh, is told why (not merely "expired").
    for (const refreshToken of [second.body.refreshToken, otherDevice.refreshToken]) {
      const after = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken } });
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('auth.refresh-token-reused');
    }
    for (const token of [otherDevice.accessToken, second.body.accessToken]) {
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token })).status).toBe(401);
    }
    // Logging in again works.
    const again = (await login(user.email, TEST_PASSWORD)).body;
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: again.accessToken })).status).toBe(200);
  });

  it('a token revoked by a logout is refused without ending the other sessions (a second tab after a logout)', async () => {
    const user = await ctx.newUser();
    const kept = (await login(user.email, TEST_PASSWORD)).body;
    const loggedOut = (await login(user.email, TEST_PASSWORD)).body;
    expect((await ctx.request({ method: 'POST', url: '/api/v1/auth/logout', body: { refreshToken: loggedOut.refreshToken } })).status).toBe(204);
    const stale = await ctx.request<Problem>({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: loggedOut.refreshToken } });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('auth.invalid-refresh-token');
    expect((await ctx.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: kept.refreshToken } })).status).toBe(200);
  });

  it('logs out everywhere: every refresh token revoked, every access token refused at once', async () => {
    const user = await ctx.newUser();
    const phone = (await login(user.email, TEST_PASSWORD)).body;
    const laptop = (await login(user.email, TEST_PASSWORD)).body;
    const bystander = (await login(citizen.email, TEST_PASSWORD)).body;
    expect((await ctx.request({ method: 'DELETE', url: '/api/v1/me/sessions' })).status).toBe(401);
    expect((await ctx.request({ method: 'DELETE', url: '/api/v1/me/sessions', token: laptop.accessToken })).status).toBe(204);
    for (const tokens of [phone, laptop]) {
      expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: tokens.accessToken })).status).toBe(401);
      expect((await ctx.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    }
    // Another account is untouched.
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: bystander.accessToken })).status).toBe(200);
    const again = (await login(user.email, TEST_PASSWORD)).body;
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: again.accessToken })).status).toBe(200);
  });

  it('issues tokens on login, refresh and register without reading the account again: its session version comes with the stored refresh token', async () => {
    const user = await ctx.newUser();
    await ctx.sql.query('update users set session_version = 3 where id = $1', [user.id]);
    const jwt = ctx.app.get(JwtService);
    const tx = ctx.app.get(TenantTransaction);
    const issued = async (send: () => Promise<{ status: number; body: Tokens }>) => {
      const statements = jest.spyOn(tx, 'query');
      try {
        const response = await send();
        expect(response.status).toBeLessThan(300);
        return {
          statements: statements.mock.calls.map(([sql]) => sql.trim().split(/\s/)[0]),
          sv: jwt.decode<{ sv: number }>(response.body.accessToken).sv,
          tokens: response.body,
        };
      } finally {
        statements.mockRestore();
      }
    };
    const loggedIn = await issued(() => login(user.email, TEST_PASSWORD));
    expect(loggedIn).toMatchObject({ statements: ['select', 'insert'], sv: 3 }); // the account by its email, the refresh token
    const refreshed = await issued(() => ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: loggedIn.tokens.refreshToken } }));
    expect(refreshed).toMatchObject({ statements: ['update', 'insert'], sv: 3 }); // the old token used, the new one stored
    expect((await ctx.request({ method: 'GET', url: '/api/v1/me', token: refreshed.tokens.accessToken })).status).toBe(200);
    const registered = await issued(() => ctx.request<Tokens>({ method: 'POST', url: '/api/v1/auth/register', body: { email: `sv-${ctx.uniqueSuffix()}@test.bj`, password: 'a-long-password', displayName: 'Sèna' } }));
    expect(registered).toMatchObject({ statements: ['insert', 'insert'], sv: 0 });
  });

  it('logout revokes the session', async () => {
    const tokens = (await login(citizen.email, TEST_PASSWORD)).body;
    const logout = await ctx.request({ method: 'POST', url: '/api/v1/auth/logout', body: { refreshToken: tokens.refreshToken } });
    expect(logout.status).toBe(204);
    const refresh = await ctx.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: tokens.refreshToken } });
    expect(refresh.status).toBe(401);
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
