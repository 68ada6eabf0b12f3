import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, open, screenshots, seriousA11yViolations } from './support/browser';
import { ACCOUNTS, signIn } from './support/session';

/**
 * Every main page, public and behind each role: it renders, axe-core finds no serious or
 * critical violation, and its screenshots at phone and desktop sizes are saved as artifacts
 * (dist/web-e2e-artifacts/<name>.<phone|desktop>.png).
 */
interface MainPage {
  name: string;
  path: string;
  heading: RegExp;
}

const PAGES: { account: string | null; pages: MainPage[] }[] = [
  {
    account: null,
    pages: [
      { name: 'home', path: '/', heading: /./ },
      { name: 'directory', path: '/communes', heading: /communes/i },
      { name: 'search', path: '/recherche?q=budget', heading: /Rechercher/ },
      { name: 'commune', path: '/communes/cotonou', heading: /Cotonou/ },
      { name: 'commune-documents', path: '/communes/cotonou/documents', heading: /./ },
      { name: 'login', path: '/connexion', heading: /Se connecter/ },
      { name: 'register', path: '/inscription', heading: /Créer un compte/ },
    ],
  },
  {
    account: ACCOUNTS.cotonouAdmin,
    pages: [
      { name: 'console-documents', path: '/console/cotonou/documents', heading: /Documents/ },
      { name: 'console-imports', path: '/console/cotonou/imports', heading: /Importer/ },
      { name: 'console-agenda', path: '/console/cotonou/agenda', heading: /Agenda/ },
      { name: 'console-members', path: '/console/cotonou/membres', heading: /Membres/ },
      { name: 'console-sessions', path: '/console/cotonou/seances', heading: /Séances du conseil/ },
      { name: 'console-debates', path: '/console/cotonou/debats', heading: /Débats citoyens/ },
      { name: 'console-branding', path: '/console/cotonou/identite', heading: /Identité visuelle/ },
      { name: 'forbidden', path: '/ancb', heading: /Accès refusé/ },
    ],
  },
  {
    account: ACCOUNTS.ancb,
    pages: [
      { name: 'ancb-board', path: '/ancb', heading: /Intégration des communes/ },
      { name: 'ancb-wizard', path: '/ancb/integrer', heading: /Intégrer une commune/ },
      { name: 'ancb-commune', path: '/ancb/communes/cotonou', heading: /Cotonou/ },
    ],
  },
  {
    account: ACCOUNTS.ministry,
    pages: [{ name: 'ministry-dashboard', path: '/ministere', heading: /Adoption et transparence/ }],
  },
];

describe.each(PAGES)('main pages of $account', ({ account, pages }) => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    if (account) await signIn(page, account);
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  it.each(pages)('$name ($path): renders, no serious axe violation, screenshots', async ({ name, path, heading }) => {
    await open(page, path);
    // Texts arrive with the page's lazy translations: wait for the heading's words.
    await page.locator('main h1', { hasText: heading }).first().waitFor({ state: 'attached' });
    // Let lazy data settle so that axe and the screenshots see the page as people do.
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, name);
  });
});
