import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { ApplicationInitStatus, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from './auth-session';
import { authInterceptor } from './auth.interceptor';
import { provideAuth } from './provide-auth';
import { LEGACY_STORAGE_KEYS, SESSION_CHANNEL, SIGNED_IN_COOKIE, type SessionMessage } from './session-marker';

const me = {
  id: 'u1',
  email: 'admin@cotonou.bj',
  phone: null,
  displayName: 'Awa',
  platformRole: null,
  memberships: [{ communeId: 'c1', communeSlug: 'cotonou', communeName: 'Cotonou', role: 'admin' }],
};
const settle = () => new Promise((resolve) => setTimeout(resolve));
/** Waits (a few seconds at most) until `condition` holds: messages between tabs arrive in a later task. */
async function until(condition: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5000; !condition() && Date.now() < deadline; ) await settle();
  expect(condition()).toBe(true);
}

/** The signed-in flag as the API's Set-Cookie leaves it in the browser (login, refresh), and reading it. */
const setFlagAsTheApiDoes = () => (document.cookie = `${SIGNED_IN_COOKIE}=1; path=/; samesite=strict`);
const flagIsSet = () => document.cookie.split('; ').includes(`${SIGNED_IN_COOKIE}=1`);
const clearFlag = () => (document.cookie = `${SIGNED_IN_COOKIE}=; path=/; max-age=0`);

// jsdom has no BroadcastChannel: Node's, which delivers between the channels of this process as a browser does between tabs.
beforeAll(() => Object.defineProperty(window, 'BroadcastChannel', { value: NodeBroadcastChannel, configurable: true }));
afterAll(() => Reflect.deleteProperty(window, 'BroadcastChannel'));
const otherTabs: NodeBroadcastChannel[] = [];
afterEach(() => otherTabs.splice(0).forEach((channel) => channel.close()));

/** Another tab of the site: what it hears on the session channel, and how it speaks. */
function otherTab(): { heard: unknown[]; say: (message: SessionMessage) => void } {
  const channel = new NodeBroadcastChannel(SESSION_CHANNEL);
  otherTabs.push(channel);
  const heard: unknown[] = [];
  channel.onmessage = (event: MessageEvent) => heard.push(event.data);
  return { heard, say: (message) => channel.postMessage(message) };
}

/** Every access to localStorage and sessionStorage from now on (the first one is what costs a phone several milliseconds). */
function watchStorage(): { accesses: () => string[] } {
  const spies = [
    jest.spyOn(window, 'localStorage', 'get'),
    jest.spyOn(window, 'sessionStorage', 'get'),
    ...(['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const).map((method) => jest.spyOn(Storage.prototype, method)),
  ];
  const names = ['localStorage', 'sessionStorage', 'getItem', 'setItem', 'removeItem', 'key', 'clear'];
  return { accesses: () => spies.flatMap((spy, i) => (spy.mock.calls.length > 0 ? [names[i]] : [])) };
}
afterEach(() => jest.restoreAllMocks());

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
/** What login and refresh answer: the access token only (the refresh token is an httpOnly cookie the browser keeps). */
const access = (n: number) => ({ accessToken: `access-${n}`, tokenType: 'Bearer', expiresIn: 900 });
const setup = () => TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()] });

/** The refresh or logout request as the API requires it: the CSRF header, an empty JSON object (the cookie is the browser's). */
function expectCookieRequest(request: TestRequest): void {
  expect(request.request.method).toBe('POST');
  expect(request.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  expect(request.request.headers.has('Authorization')).toBe(false);
  expect(request.request.body).toEqual({});
  expect(request.request.detectContentTypeHeader()).toBe('application/json');
}

describe('AuthSession and the auth interceptor', () => {
  let session: AuthSession;
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    localStorage.clear();
    clearFlag();
    setup();
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
    setFlagAsTheApiDoes();
    login.flush(access(1));
    const meRequest = await sent(http, '/api/v1/me');
    expect(meRequest.request.headers.get('Authorization')).toBe('Bearer access-1');
    meRequest.flush(me);
    await done;
  }

  it('signs in: access token in memory, nothing stored, user and memberships as signals; the other tabs are told', async () => {
    const tab = otherTab();
    await signIn();
    expect(session.signedIn()).toBe(true);
    expect(session.user()?.displayName).toBe('Awa');
    expect(session.hasMembership('cotonou', ['admin'])).toBe(true);
    expect(session.hasMembership('cotonou', ['editor'])).toBe(false);
    expect(session.hasMembership('porto-novo')).toBe(false);
    expect({ ...localStorage }).toEqual({});
    await until(() => tab.heard.length > 0);
    expect(tab.heard).toEqual(['signed-in']);
  });

  it('refreshes once on a 401 (the cookie, rotated by the API) and replays the call', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/v1/communes/cotonou/members'));
    http.expectOne('/api/v1/communes/cotonou/members').flush({}, { status: 401, statusText: 'Unauthorized' });
    const refresh = await sent(http, '/api/v1/auth/refresh');
    expectCookieRequest(refresh);
    refresh.flush(access(2));
    const replay = await sent(http, '/api/v1/communes/cotonou/members');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
    replay.flush([{ userId: 'u1' }]);
    await expect(result).resolves.toEqual([{ userId: 'u1' }]);
    expect(session.currentAccessToken()).toBe('access-2');
  });

  it('shares one refresh between concurrent callers', async () => {
    await signIn();
    const first = session.refresh();
    const second = session.refresh();
    (await sent(http, '/api/v1/auth/refresh')).flush(access(3));
    await expect(first).resolves.toBe('access-3');
    await expect(second).resolves.toBe('access-3');
  });

  it('ends the session everywhere when the server detects a reused refresh token', async () => {
    await signIn();
    const tab = otherTab();
    const result = firstValueFrom(client.get('/api/v1/me')).catch((e: unknown) => e);
    http.expectOne('/api/v1/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    (await sent(http, '/api/v1/auth/refresh')).flush({ status: 401, code: 'auth.refresh-token-reused', detail: 'Reused' }, { status: 401, statusText: 'Unauthorized' });
    await result;
    expect(session.signedIn()).toBe(false);
    expect(session.endReason()).toBe('reused');
    expect(flagIsSet()).toBe(false);
    expect(session.currentAccessToken()).toBeNull();
    await until(() => tab.heard.length > 0);
    expect(tab.heard).toEqual(['signed-out']);
  });

  it('an anonymous reader makes no request at start', async () => {
    await session.restore();
    expect(session.status()).toBe('anonymous');
    // http.verify() (afterEach): nothing was sent.
  });

  it('leaves what former versions kept in localStorage alone at start (revoked at deploy), and drops it at sign-in', async () => {
    for (const key of LEGACY_STORAGE_KEYS) localStorage.setItem(key, 'from-a-former-version');
    const storage = watchStorage();
    await session.restore();
    // The former flag does not count: that session ended with the tokens revoked at deploy.
    expect(session.status()).toBe('anonymous');
    expect(storage.accesses()).toEqual([]);
    await signIn();
    expect({ ...localStorage }).toEqual({});
  });

  it('signs out: forgets the access token, clears the flag, tells the other tabs; the server revokes the cookie', async () => {
    await signIn();
    const tab = otherTab();
    const done = session.logout();
    const logout = await sent(http, '/api/v1/auth/logout');
    expectCookieRequest(logout);
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.signedIn()).toBe(false);
    expect(session.currentAccessToken()).toBeNull();
    // Cleared here at once, even when the server cannot be told (the API clears it too).
    expect(flagIsSet()).toBe(false);
    await until(() => tab.heard.length > 0);
    expect(tab.heard).toEqual(['signed-out']);
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
    expect(flagIsSet()).toBe(false);
  });

  it('keeps the session and throws when signing out of every device cannot reach the server', async () => {
    await signIn();
    const done = session.logoutEverywhere();
    (await sent(http, '/api/v1/me/sessions')).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await expect(done).rejects.toBeDefined();
    expect(session.signedIn()).toBe(true);
    expect(flagIsSet()).toBe(true);
  });

  it('follows another tab signing out, without announcing it back', async () => {
    await session.restore();
    await signIn();
    const tab = otherTab();
    tab.say('signed-out');
    await until(() => !session.signedIn());
    expect(session.currentAccessToken()).toBeNull();
    for (let i = 0; i < 5; i += 1) await settle();
    expect(tab.heard).toEqual([]);
  });

  it('follows another tab signing in: its own access token from the shared cookie', async () => {
    await session.restore();
    setFlagAsTheApiDoes(); // the other tab's login answer
    otherTab().say('signed-in');
    const refresh = await sent(http, '/api/v1/auth/refresh');
    expectCookieRequest(refresh);
    refresh.flush(access(5));
    (await sent(http, '/api/v1/me')).flush(me);
    for (let i = 0; i < 10 && !session.signedIn(); i += 1) await settle();
    expect(session.signedIn()).toBe(true);
    expect(session.currentAccessToken()).toBe('access-5');
  });

  it('refreshes under the Web Lock the tabs share, so that two tabs never send the same cookie at once', async () => {
    await signIn();
    const locks = { request: jest.fn((_name: string, task: () => Promise<unknown>) => task()) };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      const done = session.refresh();
      (await sent(http, '/api/v1/auth/refresh')).flush(access(6));
      await expect(done).resolves.toBe('access-6');
      expect(locks.request).toHaveBeenCalledWith('communes-refresh', expect.any(Function));
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });
});

describe('AuthSession.restore in a browser that is signed in', () => {
  beforeEach(() => {
    localStorage.clear();
    setFlagAsTheApiDoes();
    setup();
  });

  it('refreshes with the cookie, then loads the user', async () => {
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    const done = session.restore();
    const refresh = await sent(http, '/api/v1/auth/refresh');
    expectCookieRequest(refresh);
    refresh.flush(access(10));
    (await sent(http, '/api/v1/me')).flush(me);
    await done;
    expect(session.signedIn()).toBe(true);
    expect(session.currentAccessToken()).toBe('access-10');
    expect(flagIsSet()).toBe(true);
    http.verify();
  });

  it('is anonymous, and clears the flag, when the cookie is gone or expired (401)', async () => {
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    const done = session.restore();
    (await sent(http, '/api/v1/auth/refresh')).flush(
      { status: 401, code: 'auth.refresh-cookie-missing', detail: 'No cookie' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await done;
    expect(session.status()).toBe('anonymous');
    expect(session.endReason()).toBe('expired');
    expect(flagIsSet()).toBe(false);
    http.verify();
  });

  it('keeps the flag when the server cannot be reached (offline start): signed out for now, not forever', async () => {
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    const done = session.restore();
    (await sent(http, '/api/v1/auth/refresh')).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await done;
    expect(session.status()).toBe('anonymous');
    expect(flagIsSet()).toBe(true);
    http.verify();
  });
});

describe('start-up (provideAuth) touches no storage', () => {
  const start = async (platform: 'browser' | 'server' = 'browser') => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideAuth(), { provide: PLATFORM_ID, useValue: platform }],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    return { session: TestBed.inject(AuthSession), http: TestBed.inject(HttpTestingController) };
  };

  beforeEach(() => {
    localStorage.clear();
    clearFlag();
  });

  it('an anonymous reader: the flag read from document.cookie, no request, no localStorage', async () => {
    const storage = watchStorage();
    const { session, http } = await start();
    await until(() => session.status() === 'anonymous');
    await session.whenReady();
    http.verify();
    expect(storage.accesses()).toEqual([]);
  });

  it('a signed-in reader: refresh and /me, still no localStorage', async () => {
    setFlagAsTheApiDoes();
    const storage = watchStorage();
    const { session, http } = await start();
    (await sent(http, '/api/v1/auth/refresh')).flush(access(20));
    (await sent(http, '/api/v1/me')).flush(me);
    await session.whenReady();
    expect(session.signedIn()).toBe(true);
    expect(storage.accesses()).toEqual([]);
  });

  it('on the server, anonymous whatever the cookies (a rendered page is shared by every reader)', async () => {
    setFlagAsTheApiDoes();
    const { session, http } = await start('server');
    await session.whenReady();
    expect(session.status()).toBe('anonymous');
    http.verify();
  });
});
