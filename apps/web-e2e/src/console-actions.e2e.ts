import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, open } from './support/browser';
import { pdfWithText } from './support/files';
import { ACCOUNTS, signedInContext } from './support/session';

/**
 * The console's other actions, through the screens: a new version and a withdrawal with a
 * public reason (editor), an agenda event and its cancellation, an admin's invitations (revoked,
 * accepted) and member management (role change, removal), ANCB suspending then reactivating a
 * commune, and the ministry's CSV export.
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

  it('an editor cancels an agenda event with a public reason', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    await page.getByRole('link', { name: 'Agenda' }).click();
    const title = 'Réunion avec les associations de quartier (essai)';
    await page.getByLabel('Intitulé').fill(title);
    const next = new Date(Date.now() + 9 * 24 * 3600 * 1000);
    await page.getByLabel('Date et heure').fill(`${next.toISOString().slice(0, 10)}T15:00`);
    await page.getByRole('button', { name: "Ajouter à l'agenda" }).click();
    const event = page.locator('li', { hasText: title });
    await event.getByText('Publié').waitFor();
    await event.getByRole('button', { name: "Annuler l'événement" }).click();
    await event.getByLabel("Motif de l'annulation (public)").fill('Reportée après la saison des pluies');
    await event.locator('form').getByRole('button', { name: "Annuler l'événement" }).click();
    await event.getByText('Annulé').waitFor();
    await context.close();
  });

  it('an admin revokes an invitation; a new member accepts hers, changes role, and is removed', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouAdmin);
    await page.getByRole('link', { name: 'Membres' }).click();
    await page.getByRole('heading', { name: 'Membres et invitations', level: 1 }).waitFor();

    await page.getByLabel('Adresse e-mail').fill('erreur@cotonou.bj');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    const firstLink = (await page.locator('.invite-link').textContent()) ?? '';
    const wrong = page.locator('.cp-card', { hasText: 'erreur@cotonou.bj' });
    await wrong.waitFor();
    await wrong.getByRole('button', { name: 'Révoquer' }).click();
    await wrong.waitFor({ state: 'detached' });

    await page.getByLabel('Adresse e-mail').fill('communication@cotonou.bj');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    const link = (await page.locator('.invite-link').filter({ hasNotText: firstLink }).textContent()) ?? '';
    expect(link).toMatch(/\/invitations\/.+/);
    const invitee = await newContext(browser);
    const acceptPage = await invitee.newPage();
    await open(acceptPage, new URL(link).pathname);
    await acceptPage.getByLabel('Votre nom').fill('Chargée de communication (essai)');
    await acceptPage.getByLabel('Mot de passe (10 caractères au moins)').fill('communication-cotonou');
    await acceptPage.getByRole('button', { name: "Accepter l'invitation" }).click();
    await acceptPage.waitForURL('**/console/cotonou/documents');
    await invitee.close();

    await page.reload();
    const role = page.getByLabel('Rôle de Chargée de communication (essai)');
    await role.waitFor();
    expect(await role.inputValue()).toBe('editor');
    await role.selectOption('moderator');
    await page.waitForLoadState('networkidle');
    await page.reload();
    await expect(page.getByLabel('Rôle de Chargée de communication (essai)').inputValue()).resolves.toBe('moderator');
    const row = page.locator('tr', { hasText: 'Chargée de communication (essai)' });
    await row.getByRole('button', { name: 'Retirer' }).click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  });

  it('the ministry exports the transparency figures as CSV for Excel', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.ministry);
    await page.getByRole('button', { name: 'Exporter en CSV' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^communes-transparence-\d{4}\.csv$/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(';');
    expect(text).toContain('Cotonou');
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
