import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, open } from './support/browser';

/**
 * Offline (issue 4): a page visited once reloads without a connection (service worker: app shell
 * precached, public API answers kept), the offline notice says so, and a write attempted offline
 * is reported instead of silently lost.
 */
describe('offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    context = await newContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  /** Visits the page until the service worker controls it (first visit installs, it then claims the page). */
  async function visitWithServiceWorker(path: string): Promise<void> {
    await open(page, path);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      }
      return registration.active?.state;
    });
    // Once controlled, a second visit goes through the worker, which keeps the API answers.
    await open(page, path);
  }

  it('reloads a visited commune page without a connection, with the offline notice', async () => {
    await visitWithServiceWorker('/communes/cotonou');
    const heading = await page.locator('main h1').first().textContent();

    await context.setOffline(true);
    await page.reload();
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('main h1').first().textContent()).toBe(heading);
    await page.locator('cp-offline-banner', { hasText: 'Vous êtes hors ligne' }).waitFor();

    await context.setOffline(false);
    await page.locator('cp-offline-banner', { hasText: 'Connexion rétablie' }).waitFor();
  });
});
