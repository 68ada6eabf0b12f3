import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, open } from './support/browser';
import { BUDGET_HEADER, CONTRACTS_HEADER, pdfWithText } from './support/files';
import { ACCOUNTS, signedInContext } from './support/session';

/**
 * The chain of issue 4, through the screens, on the real stack: ANCB onboards Ouidah and invites
 * its admin → the admin accepts, uploads (drag and drop) and publishes a budget document, sees
 * the error report of a bad budget file, imports and publishes contracts → a citizen, signed
 * out, finds the document with the cross-commune search, opens the commune page and downloads
 * the file → the ministry sees Ouidah's publication count change. The steps share state, in order.
 */
describe('scenario: onboarding to publication to citizen to ministry', () => {
  const year = new Date().getFullYear();
  const documentTitle = `Budget primitif ${year} de Ouidah`;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let inviteUrl = '';
  let ministry: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  /** Waits for `text`; fails at once with the page's error message if one shows instead. */
  async function outcome(page: Page, text: string): Promise<void> {
    const alert = page.locator('[role=alert]');
    await Promise.race([
      page.getByText(text).first().waitFor(),
      alert.first().waitFor().then(async () => {
        throw new Error(`Expected "${text}", the page says: ${await alert.first().textContent()}`);
      }),
    ]);
  }

  async function as(account: string): Promise<Page> {
    const { context, page } = await signedInContext(browser, account);
    contexts.push(context);
    return page;
  }

  it('the ministry sees no publication for Ouidah before it is onboarded', async () => {
    ministry = await as(ACCOUNTS.ministry);
    await open(ministry, '/ministere');
    await ministry.locator('tr[data-commune="cotonou"]').waitFor();
    expect(await ministry.locator('tr[data-commune="ouidah"]').count()).toBe(0);
  });

  it('ANCB onboards Ouidah from the national list and invites its first admin', async () => {
    const page = await as(ACCOUNTS.ancb);
    expect(new URL(page.url()).pathname).toBe('/ancb');
    await page.getByRole('link', { name: 'Intégrer une commune' }).click();
    await page.getByLabel('Commune', { exact: true }).selectOption('ouidah');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('Atlantique');
    await page.getByRole('button', { name: 'Suivant' }).click();
    // The branding step: ANCB may present the commune while it is onboarding.
    await page.getByLabel('Couleur principale (#rrggbb)').fill('#1d3557');
    await page.getByText(/contraste de .*:1, conforme/).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Adresse e-mail du premier administrateur').fill('sg@ouidah.bj');
    await page.getByRole('button', { name: "Lancer l'intégration et envoyer l'invitation" }).click();
    inviteUrl = (await page.locator('.invite-link').textContent()) ?? '';
    expect(inviteUrl).toMatch(/\/invitations\/.+/);

    await page.getByRole('link', { name: 'Voir la liste de contrôle' }).click();
    await page.getByRole('heading', { name: 'Ouidah', level: 1 }).waitFor();
    await page.getByLabel('Point focal désigné').check();
    await page.getByText(/fait le/).waitFor();
  });

  it('the admin accepts the invitation and lands in the Ouidah console', async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await open(page, new URL(inviteUrl).pathname);
    await page.getByLabel('Votre nom').fill('Secrétaire général de Ouidah');
    await page.getByLabel('Mot de passe (10 caractères au moins)').fill('ouidah-mot-de-passe');
    await page.getByRole('button', { name: "Accepter l'invitation" }).click();
    await page.waitForURL('**/console/ouidah/documents');
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    admin = page;
  });
  let admin: Page;

  it('the admin drops a budget file, sees the progress, and publishes the document', async () => {
    await admin.getByLabel('Titre').fill(documentTitle);
    await admin.getByLabel('Catégorie').selectOption('budget_primitif');
    await admin.getByLabel('Exercice').fill(String(year));
    const pdf = await pdfWithText([documentTitle, 'Construction du marché central de Ouidah', 'Recettes et dépenses de fonctionnement']);
    // Drag and drop: a real drop event carrying the file, as the browser sends it.
    await admin.locator('.dropzone').evaluate(
      (zone, { base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { base64: pdf.toString('base64'), name: 'budget-primitif-ouidah.pdf' },
    );
    await admin.getByText('budget-primitif-ouidah.pdf').waitFor();
    await admin.getByRole('button', { name: 'Enregistrer et envoyer le fichier' }).click();
    await outcome(admin, `Document « ${documentTitle} » enregistré.`);
    const row = admin.locator('tr', { hasText: documentTitle });
    await row.getByText('Brouillon').waitFor();
    await row.getByRole('button', { name: 'Publier' }).click();
    await outcome(admin, 'Document publié.');
    await row.getByText('Publié').waitFor();
  });

  it('the admin checks a bad budget file and sees the error report as a table', async () => {
    await admin.getByRole('link', { name: 'Budgets et marchés' }).click();
    await admin.getByRole('heading', { name: 'Importer un budget ou des marchés' }).waitFor();
    await admin.getByLabel('Fichier CSV ou XLSX').setInputFiles({
      name: 'budget.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([BUDGET_HEADER, 'Fonctionnement;Recette;70;Produits des marchés;12 500 000', 'Investissement;Dépense;2313;Construction;beaucoup'].join('\r\n')),
    });
    await admin.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await admin.getByRole('table', { name: 'Erreurs à corriger' }).waitFor();
    const headers = await admin.locator('table thead th').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Ligne', 'Colonne', 'Problème']);
    const firstError = await admin.locator('table tbody tr').first().locator('td').allTextContents();
    expect(firstError[0].trim()).toBe('3');
    expect(await admin.getByRole('button', { name: 'Importer et publier' }).count()).toBe(0);
  });

  it('the admin imports contracts: preview without errors, then import and publish', async () => {
    await admin.getByLabel('Marchés attribués').check();
    await admin.getByLabel('Fichier CSV ou XLSX').setInputFiles({
      name: 'marches.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          CONTRACTS_HEADER,
          `N°001/MO/SG/PRMP/${year};Réhabilitation du marché central de Ouidah;Appel d'offres ouvert;Travaux;ETS BATIR PLUS;3201900123456;45 000 000;15/03/${year};01/04/${year};30/09/${year};En cours;FADeC`,
          `N°002/MO/SG/PRMP/${year};Fourniture de tables-bancs;Demande de cotation;Fournitures;SOBEMAT SARL;;4 500 000;20/03/${year};;;;Budget communal`,
        ].join('\r\n'),
      ),
    });
    await admin.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await admin.getByRole('heading', { name: '2 ligne(s) valide(s) sur 2.' }).waitFor();
    await admin.getByText('Aucune erreur : le fichier peut être importé.').waitFor();
    await admin.getByRole('button', { name: 'Importer et publier' }).click();
    await outcome(admin, 'Import terminé et publié.');
  });

  it('a citizen, signed out, finds the document with the cross-commune search, opens the commune page and downloads the file', async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    // The search index is fed by a background worker (every 300 ms here): retry for a while.
    let found = false;
    for (let attempt = 0; attempt < 20 && !found; attempt++) {
      await open(page, `/recherche?q=${encodeURIComponent('marché central Ouidah')}`);
      await page.waitForLoadState('networkidle');
      found = (await page.getByRole('link', { name: documentTitle }).count()) > 0;
      if (!found) await page.waitForTimeout(500);
    }
    expect(found).toBe(true);
    await open(page, '/communes/ouidah');
    await page.getByRole('heading', { name: /Ouidah/, level: 1 }).waitFor();
    await open(page, '/communes/ouidah/documents');
    await page.getByText(documentTitle).first().waitFor();
    await page.getByText(documentTitle).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(path).toBeTruthy();
  });

  it('the ministry sees Ouidah with its publication and its contracts', async () => {
    await ministry.reload();
    const row = ministry.locator('tr[data-commune="ouidah"]');
    await row.waitFor();
    await expect(row.locator('.published-count').textContent()).resolves.toBe('1');
    await expect(row.locator('.contracts-count').textContent()).resolves.toBe('2');
  });
});
