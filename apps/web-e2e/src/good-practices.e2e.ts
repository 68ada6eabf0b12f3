import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, open, screenshots, seriousA11yViolations } from './support/browser';
import { ACCOUNTS, signedInContext } from './support/session';

/**
 * Good practices, through the three consoles: a Cotonou editor writes a practice and submits it;
 * ANCB asks for changes (a comment is required); the editor reads ANCB's message, completes the
 * practice and submits it again; ANCB publishes it; a signed-out visitor finds it in the national
 * library (search, theme chip) and reads it. axe-core on the console form, ANCB's review, the
 * library and the practice.
 */
describe('good practices', () => {
  let browser: Browser;
  const title = 'Cantines scolaires approvisionnées par les producteurs locaux (essai)';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function outcome(page: Page, text: string | RegExp): Promise<void> {
    const alert = page.locator('[role=alert]');
    await Promise.race([
      page.getByText(text).first().waitFor(),
      alert.first().waitFor().then(async () => {
        throw new Error(`Expected "${text}", the page says: ${await alert.first().textContent()}`);
      }),
    ]);
  }

  async function ancbOpensThePractice(page: Page): Promise<void> {
    await open(page, '/ancb');
    await page.getByRole('main').getByRole('link', { name: 'Bonnes pratiques' }).click();
    await page.getByRole('heading', { name: 'Bonnes pratiques à examiner', level: 1 }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  it('an editor submits a practice, ANCB asks for changes, the editor resubmits, ANCB publishes, a visitor finds it', async () => {
    const editor = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    await open(editor.page, '/console/cotonou');
    await editor.page.getByRole('main').getByRole('link', { name: 'Bonnes pratiques' }).click();
    await editor.page.getByRole('link', { name: 'Proposer une bonne pratique' }).click();
    await editor.page.getByLabel('Titre').fill(title);
    await editor.page.getByLabel('Thème').selectOption('services_publics');
    await editor.page.getByLabel('En bref').fill('Les cantines des écoles publiques achètent leurs vivres aux groupements de producteurs de la commune.');
    await editor.page
      .getByLabel('La pratique')
      .fill('La commune signe chaque année une convention avec trois groupements de producteurs.\n\nLes directeurs d’école passent commande chaque semaine ; la mairie paie les groupements à trente jours, sur la ligne budgétaire des cantines.');
    await editor.page.getByLabel('Service ou fonction à contacter').fill('Direction des affaires sociales');
    await editor.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await editor.page.getByRole('heading', { name: title, level: 1 }).waitFor();

    // Results are missing: the page says so before sending anything.
    expect(await seriousA11yViolations(editor.page)).toEqual([]);
    await screenshots(editor.page, 'good-practice-console');
    await editor.page.getByRole('button', { name: "Soumettre à l'ANCB" }).click();
    await editor.page.getByText('Avant de soumettre, complétez : Résultats obtenus.').waitFor();
    await editor.page.getByLabel('Résultats obtenus').fill('Douze écoles servies chaque jour, 2 400 repas ; 40 % des vivres achetés dans la commune.');
    await editor.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await outcome(editor.page, 'Bonne pratique enregistrée.');
    await editor.page.getByRole('button', { name: "Soumettre à l'ANCB" }).click();
    await outcome(editor.page, "Bonne pratique soumise à l'ANCB.");

    const ancb = await signedInContext(browser, ACCOUNTS.ancb);
    await ancbOpensThePractice(ancb.page);
    await ancb.page.getByRole('button', { name: 'Demander des modifications' }).click();
    await ancb.page.getByRole('alert').getByText('Écrivez à la commune', { exact: false }).waitFor();
    await ancb.page.getByLabel('Commentaire pour la commune').fill('Indiquez le coût d’un repas pour la commune.');
    await ancb.page.getByRole('button', { name: 'Demander des modifications' }).click();
    await outcome(ancb.page, 'Modifications demandées à la commune.');

    await editor.page.reload();
    await editor.page.getByText('Indiquez le coût d’un repas pour la commune.').first().waitFor();
    await editor.page.getByLabel('Résultats obtenus').fill('Douze écoles servies chaque jour, 2 400 repas à 250 FCFA ; 40 % des vivres achetés dans la commune.');
    await editor.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await outcome(editor.page, 'Bonne pratique enregistrée.');
    await editor.page.getByLabel("Message pour l'ANCB (facultatif)").fill('Coût du repas ajouté.');
    await editor.page.getByRole('button', { name: "Soumettre à l'ANCB" }).click();
    await outcome(editor.page, "Bonne pratique soumise à l'ANCB.");
    await editor.context.close();

    await ancbOpensThePractice(ancb.page);
    await ancb.page.getByText('Coût du repas ajouté.').first().waitFor();
    expect(await seriousA11yViolations(ancb.page)).toEqual([]);
    await screenshots(ancb.page, 'good-practice-review');
    await ancb.page.getByRole('button', { name: 'Publier' }).click();
    await outcome(ancb.page, 'Bonne pratique publiée dans la bibliothèque nationale.');
    await ancb.context.close();

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await open(page, '/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bonnes pratiques' }).click();
    await page.getByRole('heading', { name: 'Bonnes pratiques des communes', level: 1 }).waitFor();
    await page.getByLabel('Rechercher une bonne pratique').fill('cantines producteurs');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('button', { name: /^Services publics/ }).click();
    await page.waitForURL(/theme=services_publics/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'good-practices');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: 'Résultats obtenus' }).waitFor();
    await page.getByText('2 400 repas à 250 FCFA', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'good-practice');
    // The commune's own page lists it among its good practices, linking to it.
    await open(page, '/communes/cotonou');
    const practices = page.getByRole('region', { name: "Bonnes pratiques reconnues par l'ANCB" });
    await practices.waitFor();
    await page.waitForFunction(() => document.querySelector('[ngh]') === null);
    await practices.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await visitor.close();
  });
});
