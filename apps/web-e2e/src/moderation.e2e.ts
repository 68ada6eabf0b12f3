import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, newContext, open, screenshots, seriousA11yViolations } from './support/browser';
import { signedInContext } from './support/session';

const MODERATOR = 'moderateur@cotonou.demo.communes.bj';

/**
 * Moderation, end to end: a signed-out visitor reports a public doléance (« Signaler »: the
 * dialog, its reasons, the thanks); Cotonou's moderator finds it in the queue and hides it with
 * a reason; the doléance leaves the public list and, opened by its link, shows « Masqué par la
 * modération ». axe-core on the open dialog and on the queue.
 */
describe('moderation', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a visitor reports a doléance, the moderator hides it, it shows as hidden', async () => {
    const visitor = await (await newContext(browser)).newPage();
    // Rendered by the server in French, without the dialog's content (made on first opening).
    const served = await (await visitor.request.get(`${baseUrl()}/communes/cotonou/doleances`, { headers: { accept: 'text/html' } })).text();
    expect(served).toMatch(/aria-label="Signaler COT-\d{4}-\d{6}"/);
    expect(served).not.toContain('Pourquoi ce contenu est-il inapproprié');
    await open(visitor, '/communes/cotonou/doleances');
    const report = visitor.getByRole('button', { name: /^Signaler COT-/ }).first();
    await report.waitFor();
    const number = ((await report.getAttribute('aria-label')) ?? '').replace('Signaler ', '');
    expect(number).toMatch(/^COT-\d{4}-\d{6}$/);

    // The list is rendered by the server: click once the page is hydrated (Angular removes its `ngh` marks).
    await visitor.waitForFunction(() => document.querySelector('[ngh]') === null);
    await report.click();
    const dialog = visitor.getByRole('dialog', { name: 'Signaler un contenu inapproprié' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Choisissez une raison.').waitFor();
    await dialog.getByLabel('Hors sujet').check();
    await dialog.getByLabel('Précisions (facultatif)').fill('Rien à voir avec la commune.');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Merci, la commune examinera ce contenu.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await visitor.getByRole('button', { name: `Signalé : ${number}` }).waitFor();

    const moderator = await signedInContext(browser, MODERATOR);
    await open(moderator.page, '/console/cotonou');
    await moderator.page.getByRole('main').getByRole('link', { name: 'Modération' }).click();
    await moderator.page.getByRole('heading', { name: 'Modération', level: 1 }).waitFor();
    const card = moderator.page.locator('li.cp-card', { has: moderator.page.locator(`a[href*="${number}"]`) });
    await card.waitFor();
    await card.getByText('Hors sujet', { exact: false }).first().waitFor();
    expect(await seriousA11yViolations(moderator.page)).toEqual([]);
    await screenshots(moderator.page, 'moderation-queue');
    await card.getByRole('button', { name: 'Masquer' }).click();
    await card.getByText('Donnez la raison, en 3 caractères au moins.').waitFor();
    await card.getByLabel('Raison de la décision').fill('Message sans rapport avec les services de la commune');
    await card.getByRole('button', { name: 'Masquer' }).click();
    await card.getByText('Masqué : Message sans rapport avec les services de la commune').waitFor();

    await open(visitor, '/communes/cotonou/doleances');
    await visitor.getByRole('heading', { name: 'Doléances et suggestions', level: 1 }).waitFor();
    await visitor.locator('li.cp-card').first().waitFor();
    expect(await visitor.getByRole('button', { name: `Signaler ${number}` }).count()).toBe(0);
    await open(visitor, `/suivi/${number}?commune=cotonou`);
    await visitor.getByText('Masqué par la modération').waitFor();
    expect(await visitor.getByRole('button', { name: /^Signaler/ }).count()).toBe(0);
  });
});
