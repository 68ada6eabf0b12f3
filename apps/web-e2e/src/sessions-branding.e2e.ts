import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, open } from './support/browser';
import { pdfWithText } from './support/files';
import { ACCOUNTS, signedInContext } from './support/session';

/**
 * The console's sessions, debates and identity screens, through to what the public sees: an
 * editor schedules a council session with an agenda item (and a published document), publishes
 * it, runs it from the control room and writes its summary; an editor opens a debate and posts
 * the commune's official answer; an admin changes the commune's colours (a too light one is
 * refused before sending) and the public page shows them.
 */
describe('sessions, debates and branding', () => {
  let browser: Browser;

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

  const sessionTitle = 'Deuxième session ordinaire du conseil communal (essai)';
  const itemTitle = 'Examen du plan annuel d’investissement';

  it('an editor schedules a session with an agenda item and publishes it; it appears on the public commune page', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    // A published document to attach to the agenda item.
    const docTitle = 'Projet de plan annuel d’investissement (essai)';
    await page.getByLabel('Titre').fill(docTitle);
    await page.getByLabel('Catégorie').selectOption('plan_annuel_investissement');
    await page.getByLabel('Fichier (PDF, tableur, texte)').setInputFiles({ name: 'pai.pdf', mimeType: 'application/pdf', buffer: await pdfWithText([docTitle]) });
    await page.getByRole('button', { name: 'Enregistrer et envoyer le fichier' }).click();
    await outcome(page, `Document « ${docTitle} » enregistré.`);
    await page.locator('tr', { hasText: docTitle }).getByRole('button', { name: 'Publier' }).click();
    await outcome(page, 'Document publié.');

    await page.getByRole('link', { name: 'Séances' }).click();
    await page.getByRole('heading', { name: 'Séances du conseil et redditions de comptes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Programmer une séance' }).click();
    await page.getByLabel('Intitulé', { exact: true }).fill(sessionTitle);
    const day = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByLabel('Début (date et heure)').fill(`${day}T09:00`);
    await page.getByLabel('Lieu').fill('Hôtel de ville, salle des délibérations');
    // A channel link names no video: the API's message shows beside the field.
    await page.getByLabel('Lien de la retransmission en direct (facultatif)').fill('https://www.youtube.com/@mairiecotonou');
    await page.getByRole('button', { name: "Ajouter un point à l'ordre du jour" }).click();
    await page.getByLabel('Point 1 : intitulé').fill(itemTitle);
    await page.getByLabel('Document publié à joindre').selectOption({ label: docTitle });
    await page.getByRole('button', { name: 'Joindre — point 1' }).click();
    await page.getByRole('button', { name: 'Enregistrer la séance' }).click();
    await page.locator('#session-stream-error', { hasText: /YouTube link does not name a video/ }).waitFor();

    await page.getByLabel('Lien de la retransmission en direct (facultatif)').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await page.getByRole('button', { name: 'Enregistrer la séance' }).click();
    await outcome(page, `Séance « ${sessionTitle} » enregistrée en brouillon`);
    const card = page.locator('li', { hasText: sessionTitle });
    await card.locator('.status', { hasText: 'Brouillon' }).waitFor();
    await card.getByRole('button', { name: 'Publier' }).click();
    await outcome(page, `Séance « ${sessionTitle} » publiée`);
    await card.locator('.status', { hasText: 'Programmée' }).waitFor();
    await context.close();

    const visitor = await newContext(browser);
    const publicPage = await visitor.newPage();
    await open(publicPage, '/communes/cotonou/sessions');
    await publicPage.getByRole('link', { name: sessionTitle, exact: true }).first().click();
    await publicPage.getByText(itemTitle).waitFor();
    await publicPage.getByText(docTitle).first().waitFor();
    await visitor.close();
  });

  it('the editor runs the session from the control room: live, ended, summary', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    await page.getByRole('link', { name: 'Séances' }).click();
    await page.locator('li', { hasText: sessionTitle }).getByRole('link', { name: `Ouvrir — ${sessionTitle}` }).click();
    await page.getByRole('heading', { name: sessionTitle, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Démarrer la séance (en direct)' }).click();
    await outcome(page, 'La séance est en direct');
    await page.locator('#session-status', { hasText: 'En direct' }).waitFor();
    await page.getByText(/Questions (reçues en direct|actualisées)/).waitFor();
    await page.getByRole('button', { name: 'Clore la séance' }).click();
    await outcome(page, 'La séance est terminée.');
    await page.getByLabel('Ce qui a été dit et décidé (public)').fill('Le plan annuel d’investissement a été examiné et adopté.');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await outcome(page, 'Compte rendu enregistré.');
    await context.close();
  });

  it('an editor opens a debate and posts the official answer', async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    const title = 'Stationnement autour du marché Dantokpa (essai)';
    await page.getByRole('link', { name: 'Débats' }).click();
    await page.getByLabel('Sujet').fill(title);
    await page.getByLabel('Question posée aux citoyens').fill('Les embouteillages aux abords du marché s’aggravent. Quelles solutions proposez-vous ?');
    await page.getByRole('button', { name: 'Enregistrer le débat' }).click();
    await outcome(page, `Débat « ${title} » ouvert.`);
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByLabel('Votre réponse').fill('La mairie étudie un parking relais à Akpakpa avec des navettes.');
    await page.getByRole('button', { name: 'Publier la réponse' }).click();
    await outcome(page, 'Réponse officielle publiée.');
    await page.locator('.official', { hasText: 'parking relais' }).waitFor();
    await context.close();
  });

  it("an admin changes the commune's colours (a too light one is refused) and the public page shows them", async () => {
    const { context, page } = await signedInContext(browser, ACCOUNTS.cotonouAdmin);
    await page.getByRole('link', { name: 'Identité' }).click();
    await page.getByRole('heading', { name: 'Identité visuelle de la commune', level: 1 }).waitFor();
    const primary = page.getByRole('group', { name: 'Couleur principale' }).getByLabel('Code couleur (#rrggbb)');
    await primary.fill('#ffd700');
    await page.getByText(/il faut au moins 4,5:1/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer', exact: true }).isDisabled()).toBe(true);

    await primary.fill('#1d3557');
    await page.getByText(/contraste de .*:1, conforme/).first().waitFor();
    await page.getByRole('group', { name: 'Couleur secondaire' }).getByLabel('Code couleur (#rrggbb)').fill('#8a3b12');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await outcome(page, 'Identité enregistrée');
    await context.close();

    const visitor = await newContext(browser);
    const publicPage = await visitor.newPage();
    await open(publicPage, '/communes/cotonou');
    const header = publicPage.locator('header.commune-header');
    await header.waitFor();
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(29, 53, 87)');
    expect(await header.evaluate((el) => getComputedStyle(el).borderBottomColor)).toBe('rgb(138, 59, 18)');
    await visitor.close();
  });
});
