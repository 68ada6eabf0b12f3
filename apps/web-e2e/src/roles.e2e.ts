import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newContext, open } from './support/browser';
import { ACCOUNTS, signIn } from './support/session';

/**
 * A clear "access refused" screen (never a blank page) for each role at a page it may not
 * open; the address stays what the person asked for. Signed out: the login page, then back.
 */
const FORBIDDEN: { role: string; account: string; paths: string[] }[] = [
  { role: 'citizen', account: ACCOUNTS.citizen, paths: ['/ancb', '/ministere', '/console/cotonou'] },
  { role: 'commune editor', account: ACCOUNTS.cotonouEditor, paths: ['/console/cotonou/membres', '/console/cotonou/identite', '/console/abomey-calavi', '/ancb'] },
  { role: 'commune admin', account: ACCOUNTS.cotonouAdmin, paths: ['/console/abomey-calavi', '/ministere'] },
  { role: 'ministry', account: ACCOUNTS.ministry, paths: ['/ancb', '/console/cotonou'] },
  { role: 'ANCB', account: ACCOUNTS.ancb, paths: ['/console/cotonou'] },
];

/** The refresh token's cookie in the browser (set by the API, httpOnly), if any. */
async function refreshCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'communes.refresh');
}

/** The signed-in flag's cookie (set and cleared by the API with the refresh cookie; no secret), if any. */
async function signedInFlag(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === 'communes.signed-in');
}

/** Waits (a few seconds at most) until the API has cleared the cookie, and the flag with it. */
async function noRefreshCookie(context: BrowserContext): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (!(await refreshCookie(context)) && !(await signedInFlag(context))) return;
  }
  expect(await refreshCookie(context)).toBeUndefined();
  expect(await signedInFlag(context)).toBeUndefined();
}

/**
 * Counts the page's accesses to localStorage and sessionStorage from its first script on (in
 * `window.__storageAccesses`): the first one blocks a phone's main thread for several
 * milliseconds, which an anonymous reader's start-up must not pay.
 */
function countStorageAccesses(): void {
  const counted = window as unknown as { __storageAccesses: number };
  counted.__storageAccesses = 0;
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    let owner: object | null = window;
    while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
    const original = owner && Object.getOwnPropertyDescriptor(owner, name)?.get;
    if (!original) continue;
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        counted.__storageAccesses += 1;
        return original.call(window);
      },
    });
  }
}

/** The calls to the auth endpoints a page makes from now on. */
function authCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/v1/auth/')) calls.push(new URL(request.url()).pathname);
  });
  return calls;
}

describe('roles', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(FORBIDDEN)('$role sees "Accès refusé" at $paths', async ({ account, paths }) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, account);
    for (const path of paths) {
      await open(page, path);
      await page.locator('main h1', { hasText: 'Accès refusé' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      await page.getByRole('link', { name: "Retour à l'accueil" }).waitFor();
    }
    await context.close();
  });

  it('sends a signed-out visitor to the login page, and back to the console after signing in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, '/console/cotonou/agenda');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await signIn(page, ACCOUNTS.cotonouEditor);
    await page.waitForURL('**/console/cotonou/agenda');
    await context.close();
  });

  it('keeps the session across a reload (the httpOnly cookie, rotated), out of reach of scripts, and signs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.ministry);
    const cookie = await refreshCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(await signedInFlag(context)).toMatchObject({ value: '1', httpOnly: false, sameSite: 'Strict', path: '/' });
    // Nothing a script (an XSS) could take: not in document.cookie (only the flag), not in localStorage.
    expect(await page.evaluate(() => document.cookie)).toBe('communes.signed-in=1');
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
    const calls = authCalls(page);
    await page.reload();
    await page.locator('cp-account-panel summary').waitFor();
    expect(calls).toEqual(['/api/v1/auth/refresh']);
    expect((await refreshCookie(context))?.value).not.toBe(cookie?.value);
    await page.locator('cp-account-panel summary').click();
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await noRefreshCookie(context);
    await open(page, '/ministere');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await context.close();
  });

  it('an anonymous reader makes no auth request and no storage access on load; a token a former version left in localStorage is dropped at sign-in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, '/');
    // A token an older version kept (revoked at deploy by the API's migration 1765000000000).
    await page.evaluate(() => localStorage.setItem('communes.refresh-token', 'a-token-from-before-the-cookie'));
    await page.addInitScript(countStorageAccesses);
    const calls = authCalls(page);
    await open(page, '/communes/cotonou');
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(calls).toEqual([]);
    const storageAccesses = () => page.evaluate(() => (window as unknown as { __storageAccesses: number }).__storageAccesses);
    expect(await storageAccesses()).toBe(0);
    // The count works: one access of the test's own is counted.
    expect(await page.evaluate(() => localStorage.getItem('communes.refresh-token'))).toBe('a-token-from-before-the-cookie');
    expect(await storageAccesses()).toBe(1);
    await signIn(page, ACCOUNTS.citizen);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
    await context.close();
  });

  it('the other tabs follow a sign-in and a sign-out (BroadcastChannel), and a new tab shares the session', async () => {
    const context = await newContext(browser);
    const first = await context.newPage();
    const before = await context.newPage();
    await open(before, '/');
    await before.getByRole('link', { name: 'Se connecter' }).waitFor();
    await signIn(first, ACCOUNTS.citizen);
    await before.locator('cp-account-panel summary').waitFor();
    const after = await context.newPage();
    await open(after, '/');
    await after.locator('cp-account-panel summary').waitFor();
    await first.locator('cp-account-panel summary').click();
    await first.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await before.getByRole('link', { name: 'Se connecter' }).waitFor();
    await after.getByRole('link', { name: 'Se connecter' }).waitFor();
    await noRefreshCookie(context);
    await context.close();
  });

  it('ends the session everywhere when a used refresh token is replayed, and clears the cookie', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.cotonouAdmin);
    // A copy of the cookie, as a thief with access to the device's files or traffic would have.
    const stolen = (await refreshCookie(context))?.value;
    expect(stolen).toBeTruthy();
    // Each reload rotates the token; the stolen one, now two rotations old, replayed from elsewhere,
    // ends every session. (After one rotation only, replayed within REFRESH_REUSE_GRACE_SECONDS, it
    // would be taken for a retry whose answer was lost, and answered.)
    for (let i = 0; i < 2; i += 1) {
      const rotated = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/refresh') && response.status() === 200);
      await page.reload();
      await rotated;
      await page.locator('cp-account-panel summary').waitFor();
    }
    const replay = await fetch(`${baseUrl()}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: `communes.refresh=${stolen}`, 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(replay.status).toBe(401);
    await page.reload();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await noRefreshCookie(context);
    // The same page (no reload: the reason lives in memory) explains why on the login page.
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByText('Par sécurité, votre session a été fermée sur tous vos appareils').waitFor();
    await context.close();
  });
});

describe('sign up', () => {
  it('creates a citizen account with a phone number and signs in', async () => {
    const browser = await launchBrowser();
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, '/inscription');
    await page.getByLabel('Nom affiché').fill('Awa Dossou');
    await page.getByLabel("Numéro de téléphone (si pas d'e-mail)").fill('+229 01 97 12 34 56');
    await page.getByLabel('Mot de passe (10 caractères au moins)').fill('awa-mot-de-passe');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.locator('cp-account-panel summary', { hasText: 'Awa Dossou' }).waitFor();
    await context.close();
    await browser.close();
  });
});

describe('French and English', () => {
  it('switches the interface to English and back, remembering the choice and <html lang>', async () => {
    const browser = await launchBrowser();
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, '/connexion');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Se connecter', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await context.close();
    await browser.close();
  });

  it('shows the consoles in English too', async () => {
    const browser = await launchBrowser();
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.ancb);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Onboarding communes', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Onboard a commune' }).click();
    await page.getByText('Step 1 of 4').waitFor();
    await context.close();
    await browser.close();
  });
});
