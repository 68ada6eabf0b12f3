import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { pdfWithText } from './support/files';
import { ACCOUNTS, signedInContext } from './support/session';

/**
 * The console's other actions, through the screens: a new version and a withdrawal with a
 * public reason (editor), an agenda event, and ANCB suspending then reactivating a commune.
 */
describe('console actions', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function outcome(page: Page, text: string): Promise<void> {
    const alert = page.locator('[role=alert]');
    await Promise.race([
      page.getByText(text).first().waitFor(),
      alert.first().waitFor().then(async () => {
        throw new Error(`Expected "${text}", the page says: ${await alert.first().textContent()}`);
      }),
    ]);
  }

  it('an editor publishes a document, uploads a new version, then withdraws it with a reason', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    const title = 'Arrêté portant organisation du marché de Dantokpa';
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Catégorie').selectOption('arrete');
    await page.getByLabel('Fichier (PDF, tableur, texte)').setInputFiles({ name: 'arrete.pdf', mimeType: 'application/pdf', buffer: await pdfWithText([title]) });
    await page.getByRole('button', { name: 'Enregistrer et envoyer le fichier' }).click();
    await outcome(page, `Document « ${title} » enregistré.`);
    const row = page.locator('tr', { hasText: title });
    await row.getByRole('button', { name: 'Publier' }).click();
    await outcome(page, 'Document publié.');

    await row.getByRole('button', { name: 'Nouvelle version' }).click();
    await page.getByRole('heading', { name: `Nouvelle version de « ${title} »` }).waitFor();
    await page.getByLabel('Fichier (PDF, tableur, texte)').setInputFiles({ name: 'arrete-v2.pdf', mimeType: 'application/pdf', buffer: await pdfWithText([title, 'Version corrigée']) });
    await page.getByRole('button', { name: 'Enregistrer et envoyer le fichier' }).click();
    await outcome(page, 'Nouvelle version envoyée.');

    await row.getByRole('button', { name: 'Retirer' }).click();
    await row.getByLabel('Motif du retrait (public)').fill('Remplacé par l’arrêté du mois suivant');
    await row.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await outcome(page, 'Document retiré.');
    await row.getByText('Retiré').waitFor();
    await context.close();
  });

  it('an editor adds a published event to the agenda', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByLabel('Intitulé').fill('Visite du chantier du marché Dantokpa');
    const next = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await page.getByLabel('Date et heure').fill(`${next.toISOString().slice(0, 10)}T10:00`);
    await page.getByLabel('Lieu').fill('Dantokpa');
    await page.getByRole('button', { name: "Ajouter à l'agenda" }).click();
    const event = page.locator('li', { hasText: 'Visite du chantier du marché Dantokpa' });
    await event.getByText('Publié').waitFor();
    await context.close();
  });

  it('ANCB suspends a commune with a reason, then reactivates it', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.ancb);
    await page.goto('/ancb/communes/akpro-misserete');
    await page.getByRole('heading', { name: 'Akpro-Missérété', level: 1 }).waitFor();
    await page.getByLabel('Motif de la suspension').fill('Audit en cours');
    await page.getByRole('button', { name: 'Suspendre la commune' }).click();
    await page.getByText('Suspendue : Audit en cours').waitFor();
    await page.getByRole('button', { name: 'Réactiver la commune' }).click();
    await page.getByRole('button', { name: 'Suspendre la commune' }).waitFor();
    await context.close();
  });
});
