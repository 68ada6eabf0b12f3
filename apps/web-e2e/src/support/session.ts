import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, open } from './browser';
import { DEMO_PASSWORD } from './stack';

/** The demo accounts seeded by the stack (see README). */
export const ACCOUNTS = {
  ancb: 'ancb@demo.communes.bj',
  ministry: 'ministere@demo.communes.bj',
  cotonouAdmin: 'admin@cotonou.demo.communes.bj',
  cotonouEditor: 'editeur@cotonou.demo.communes.bj',
  citizen: 'citoyen@demo.communes.bj',
} as const;

/** Signs in through the login page, as a person would, and waits for the landing page. */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  // Already on the login page (sent there by a guard, with where to go back to): stay.
  if (new URL(page.url()).pathname !== '/connexion') await open(page, '/connexion');
  await page.getByLabel('Adresse e-mail ou numéro de téléphone').fill(identifier);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion');
  await page.locator('cp-account-panel summary').waitFor();
}

/** A fresh browser context signed in as `identifier`, with its page. */
export async function signedInContext(browser: Browser, identifier: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, identifier);
  return { context, page };
}
