import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, open } from './support/browser';
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

  it('keeps the session across a reload (refresh token rotation), and signs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.ministry);
    await page.reload();
    await page.locator('cp-account-panel summary').waitFor();
    await page.locator('cp-account-panel summary').click();
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    await open(page, '/ministere');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await context.close();
  });

  it('ends the session everywhere when a used refresh token is replayed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.cotonouAdmin);
    const stolen = await page.evaluate(() => localStorage.getItem('communes.refresh-token'));
    // A reload rotates the token; the old one, replayed (as a thief would), revokes the family.
    await page.reload();
    await page.locator('cp-account-panel summary').waitFor();
    const replay = await page.request.post('/api/v1/auth/refresh', { data: { refreshToken: stolen } });
    expect(replay.status()).toBe(401);
    await page.reload();
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
