import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, open, screenshots, seriousA11yViolations } from './support/browser';
import { ACCOUNTS, signedInContext } from './support/session';

/** A tiny valid PNG (1×1), as a phone's gallery would hand it over. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/**
 * News and feedback photos, in a real browser: a Cotonou editor writes and publishes an article
 * from the console → a signed-out visitor sees it on the commune's overview and reads it; a
 * citizen sends a doléance with a photo (previewed, sent after the text, with its progress) →
 * the photo shows on the public tracking page, and its author deletes it there (« Supprimer la
 * photo », confirmed); the editor's cover, shown while editing, is removed (« Retirer l'image »).
 * axe-core on the console page (with the cover), the news list, the form with a photo and the
 * tracking page (with the delete button).
 */
describe('news and feedback photos', () => {
  let browser: Browser;
  const title = 'Journée de salubrité dans le quartier Zogbo (essai)';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an editor publishes news from the console; a visitor reads it from the commune page', async () => {
    const editor = await signedInContext(browser, ACCOUNTS.cotonouEditor);
    await open(editor.page, '/console/cotonou');
    await editor.page.getByRole('navigation').getByRole('link', { name: 'Actualités' }).click();
    await editor.page.getByRole('heading', { name: 'Actualités', level: 1 }).waitFor();
    await editor.page.getByLabel('Titre').fill(title);
    await editor.page.getByLabel('Résumé (facultatif)').fill('Samedi matin, curage des caniveaux avec les riverains.');
    await editor.page.getByLabel('Texte', { exact: true }).fill('Rendez-vous à 7 h devant la maison du chef quartier.\n\nGants et pelles sont fournis par la mairie.');
    await editor.page.getByLabel('Image de couverture (facultatif)').setInputFiles({ name: 'couverture.png', mimeType: 'image/png', buffer: PNG });
    await editor.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await editor.page.getByText('Article enregistré.').waitFor();
    expect(await seriousA11yViolations(editor.page)).toEqual([]);
    await screenshots(editor.page, 'news-console');
    // The cover shows while editing; « Retirer l'image », confirmed, takes it off.
    await editor.page.getByRole('button', { name: `Modifier « ${title} »` }).click();
    const cover = editor.page.locator('.current-cover img');
    await cover.waitFor();
    await editor.page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await cover.elementHandle());
    expect(await seriousA11yViolations(editor.page)).toEqual([]);
    editor.page.once('dialog', (dialog) => void dialog.accept());
    await editor.page.getByRole('button', { name: "Retirer l'image" }).click();
    await editor.page.getByText('Image retirée.').waitFor();
    expect(await editor.page.locator('.current-cover').count()).toBe(0);
    await editor.page.getByRole('button', { name: 'Annuler' }).click();
    await editor.page.getByRole('button', { name: `Publier « ${title} »` }).click();
    await editor.page.getByRole('button', { name: 'Publier maintenant' }).click();
    await editor.page.getByText('Article publié.').waitFor();
    await editor.context.close();

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await open(page, '/communes/cotonou');
    await page.getByRole('heading', { name: 'Dernières actualités' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[ngh]') === null);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    await page.getByText('Gants et pelles sont fournis par la mairie.').waitFor();
    await page.getByRole('link', { name: 'Retour aux actualités' }).click();
    await page.getByRole('heading', { name: 'Actualités', level: 2 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'news-list');
    await visitor.close();
  });

  it('a citizen sends a doléance with a photo; the photo shows on the public tracking page', async () => {
    const citizen = await signedInContext(browser, ACCOUNTS.citizen);
    const page = citizen.page;
    await open(page, '/communes/cotonou/doleances/nouvelle');
    await page.getByRole('heading', { name: 'Envoyer une doléance ou une suggestion', level: 1 }).waitFor();
    // The form is rendered by the server: fill it once the app owns it (Angular removes its `ngh` marks).
    await page.waitForFunction(() => document.querySelector('[ngh]') === null);
    await page.getByLabel('Sujet').selectOption('voirie');
    await page.getByLabel('Votre message').fill('Un nid-de-poule profond devant l’école de Zogbo, les motos tombent le soir (essai).');
    // The gallery button opens the file picker: hand it the file as the phone would.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choisir dans la galerie' }).click()]);
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    const preview = page.getByRole('img', { name: 'Aperçu de la photo 1' });
    await preview.waitFor();
    // Drawn, not a broken image (the Content-Security-Policy must allow its blob: URL).
    await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await preview.elementHandle());
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'feedback-form-photo');
    await page.getByRole('button', { name: 'Envoyer à la mairie' }).click();
    const alert = page.locator('[role=alert]');
    await Promise.race([
      page.getByRole('heading', { name: 'Votre message est bien arrivé' }).waitFor(),
      alert.first().waitFor().then(async () => {
        throw new Error(`The feedback was not sent, the page says: ${await alert.first().textContent()}`);
      }),
    ]);
    await page.getByText(/Photo 1 :\s*envoyée/).waitFor();
    const number = (await page.locator('.number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^COT-\d{4}-\d{6}$/);

    const visitor = await newContext(browser);
    const publicPage = await visitor.newPage();
    await open(publicPage, `/suivi/${number}?commune=cotonou`);
    const photo = publicPage.getByRole('img', { name: `Photo 1 jointe à la demande ${number}` });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await seriousA11yViolations(publicPage)).toEqual([]);
    // Only the author is offered to delete it.
    expect(await publicPage.getByRole('button', { name: 'Supprimer la photo 1' }).count()).toBe(0);
    await visitor.close();

    // The author deletes it from the tracking page, after confirming.
    await open(page, `/suivi/${number}?commune=cotonou`);
    await page.getByRole('img', { name: `Photo 1 jointe à la demande ${number}` }).waitFor();
    await page.waitForFunction(() => document.querySelector('[ngh]') === null);
    const remove = page.getByRole('button', { name: 'Supprimer la photo 1' });
    await remove.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    page.once('dialog', (dialog) => void dialog.accept());
    await remove.click();
    await page.getByText('Photo 1 supprimée.').waitFor();
    expect(await page.getByRole('img', { name: `Photo 1 jointe à la demande ${number}` }).count()).toBe(0);
    await citizen.context.close();
  });
});
