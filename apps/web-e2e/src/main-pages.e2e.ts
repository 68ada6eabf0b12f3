import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, open, screenshots, seriousA11yViolations } from './support/browser';

/**
 * Every main page: it renders, axe-core finds no serious or critical violation, and its
 * screenshots at phone and desktop sizes are saved as artifacts.
 */
interface MainPage {
  name: string;
  path: string;
  heading: RegExp;
}

const PUBLIC_PAGES: MainPage[] = [{ name: 'directory', path: '/', heading: /communes/i }];

describe('main pages', () => {
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

  it.each(PUBLIC_PAGES)('$name ($path): renders, no serious axe violation, screenshots', async ({ name, path, heading }) => {
    await open(page, path);
    await expect(page.locator('main h1').first().textContent()).resolves.toMatch(heading);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, name);
  });
});
