import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from './auth-session';
import { authInterceptor } from './auth.interceptor';
import { REFRESH_TOKEN_KEY } from './refresh-token-store';

const me = {
  id: 'u1',
  email: 'admin@cotonou.bj',
  phone: null,
  displayName: 'Awa',
  platformRole: null,
  memberships: [{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'admin' }],
};
const settle = () => new Promise((resolve) => setTimeout(resolve));

// The session's HTTP client is a lazy chunk: its first import compiles the generated client.
jest.setTimeout(30_000);

/** The request to `url` once it is sent (the HTTP client of the session loads lazily). */
async function sent(http: HttpTestingController, url: string): Promise<TestRequest> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const [request] = http.match(url);
    if (request) return request;
    await settle();
  }
  return http.expectOne(url);
}
const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-token-number-${n}`, tokenType: 'Bearer', expiresIn: 900 });

describe('AuthSession and the auth interceptor', () => {
  let session: AuthSession;
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    session = TestBed.inject(AuthSession);
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });
  afterEach(() => http.verify());

  async function signIn(): Promise<void> {
    const done = session.login('admin@cotonou.bj', 'secret-password');
    const login = await sent(http, '/api/v1/auth/login');
    expect(login.request.body).toEqual({ identifier: 'admin@cotonou.bj', password: 'secret-password' });
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush(pair(1));
    const meRequest = await sent(http, '/api/v1/me');
    expect(meRequest.request.headers.get('Authorization')).toBe('Bearer access-1');
    meRequest.flush(me);
    await done;
  }

  it('signs in: access token in memory, refresh token stored, user and memberships as signals', async () => {
    await signIn();
    expect(session.signedIn()).toBe(true);
    expect(session.user()?.displayName).toBe('Awa');
    expect(session.hasMembership('cotonou', ['admin'])).toBe(true);
    expect(session.hasMembership('cotonou', ['editor'])).toBe(false);
    expect(session.hasMembership('porto-novo')).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-number-1');
    expect(JSON.stringify(localStorage)).not.toContain('access-1');
  });

  it('refreshes once on a 401, rotates the refresh token and replays the call', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/v1/communes/cotonou/members'));
    http.expectOne('/api/v1/communes/cotonou/members').flush({}, { status: 401, statusText: 'Unauthorized' });
    const refresh = await sent(http, '/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-token-number-1' });
    refresh.flush(pair(2));
    const replay = await sent(http, '/api/v1/communes/cotonou/members');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
    replay.flush([{ userId: 'u1' }]);
    await expect(result).resolves.toEqual([{ userId: 'u1' }]);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-number-2');
  });

  it('shares one refresh between concurrent callers', async () => {
    await signIn();
    const first = session.refresh();
    const second = session.refresh();
    (await sent(http, '/api/v1/auth/refresh')).flush(pair(3));
    await expect(first).resolves.toBe('access-3');
    await expect(second).resolves.toBe('access-3');
  });

  it('ends the session everywhere when the server detects a reused refresh token', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/v1/me')).catch((e: unknown) => e);
    http.expectOne('/api/v1/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    (await sent(http, '/api/v1/auth/refresh')).flush({ status: 401, code: 'auth.refresh-token-reused', detail: 'Reused' }, { status: 401, statusText: 'Unauthorized' });
    await result;
    expect(session.signedIn()).toBe(false);
    expect(session.endReason()).toBe('reused');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(session.currentAccessToken()).toBeNull();
  });

  it('restores a stored session at start, and is anonymous without one', async () => {
    await session.restore();
    expect(session.status()).toBe('anonymous');
  });

  it('signs out: forgets the tokens and revokes them on the server', async () => {
    await signIn();
    const done = session.logout();
    (await sent(http, '/api/v1/auth/logout')).flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.signedIn()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('signs out of every device: the server ends every session with this bearer, then the tokens are forgotten here', async () => {
    await signIn();
    const done = session.logoutEverywhere();
    const request = await sent(http, '/api/v1/me/sessions');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.signedIn()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('keeps the session and throws when signing out of every device cannot reach the server', async () => {
    await signIn();
    const done = session.logoutEverywhere();
    (await sent(http, '/api/v1/me/sessions')).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await expect(done).rejects.toBeDefined();
    expect(session.signedIn()).toBe(true);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-number-1');
  });

  it('follows another tab signing out', async () => {
    await signIn();
    window.dispatchEvent(new StorageEvent('storage', { key: REFRESH_TOKEN_KEY, newValue: null }));
    expect(session.signedIn()).toBe(false);
  });
});

describe('AuthSession.restore with a stored token', () => {
  it('refreshes, then loads the user', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-token-number-9');
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()] });
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    const done = session.restore();
    (await sent(http, '/api/v1/auth/refresh')).flush(pair(10));
    (await sent(http, '/api/v1/me')).flush(me);
    await done;
    expect(session.signedIn()).toBe(true);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-token-number-10');
  });
});
