import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshots, seriousA11yViolations } from './support/browser';
import { ACCOUNTS, signedInContext } from './support/session';
import { DEMO_PASSWORD } from './support/stack';

/** The commune's staff, through the API (as the console would call it). */
async function staffApi(): Promise<(method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>> {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: ACCOUNTS.cotonouAdmin, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl()}/api/v1/communes/cotonou${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** A mark on the window: still there afterwards means the page was never reloaded. */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => Reflect.set(window, '__notReloaded', true));
  return () => page.evaluate(() => Reflect.get(window, '__notReloaded') === true);
}

/**
 * A citizen follows an accountability session live: the status, the answer to their question
 * arrive without reloading while the staff act through the API; and a debate with the commune's
 * official answer. axe-core on both pages.
 */
describe('live session and debate (citizen)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a citizen asks a question on a session page, which then goes live and gets the answer without a reload', async () => {
    const staff = await staffApi();
    const session = await staff('POST', '/council-sessions', {
      kind: 'accountability',
      title: 'Reddition de comptes du second semestre',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: 'Hôtel de ville, salle des fêtes',
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      agenda: [{ title: 'Bilan des investissements de l’année' }, { title: 'Questions des citoyens' }],
      publish: true,
    });
    const id = String(session['id']);

    const { context, page } = await signedInContext(browser, ACCOUNTS.citizen);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.goto(`/communes/cotonou/sessions/${id}`);
    await page.getByRole('heading', { name: 'Reddition de comptes du second semestre' }).waitFor();
    const badge = page.getByTestId('session-status');
    await badge.getByText('Prévue').waitFor();
    await page.getByText('Mises à jour en direct').waitFor();
    const notReloaded = await markPage(page);

    // The broadcast is a facade until asked for; then the player's frame is allowed by the CSP.
    expect(await page.locator('iframe').count()).toBe(0);
    await page.getByRole('button', { name: 'Regarder la retransmission' }).click();
    await page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]').waitFor({ state: 'attached' });

    const text = 'Combien ont coûté les pavés de la rue du marché de Vossa ?';
    await page.getByLabel('Votre question').fill(text);
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await page.getByTestId('questions').getByText(text).waitFor();
    await page.getByTestId('questions').getByText('Votre question', { exact: true }).waitFor();

    await staff('POST', `/council-sessions/${id}/status`, { status: 'live' });
    await badge.getByText('En direct').waitFor();
    await page.locator('[aria-live="polite"]', { hasText: 'La session a commencé : elle est en direct.' }).waitFor({ state: 'attached' });

    const detail = await staff('GET', `/council-sessions/${id}`);
    const question = (detail['questions'] as { id: string; text: string }[]).find((q) => q.text === text);
    if (!question) throw new Error('the question did not reach the commune');
    await staff('POST', `/council-sessions/${id}/questions/${question.id}/answer`, { answer: 'Treize millions de francs CFA, détaillés dans le compte administratif.' });
    await page.getByText('Treize millions de francs CFA, détaillés dans le compte administratif.').waitFor();

    expect(await notReloaded()).toBe(true);
    expect(cspErrors).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'session-live');
    await context.close();
  });

  it('a citizen comments a debate; the official answer of the commune is marked', async () => {
    const staff = await staffApi();
    const debate = await staff('POST', '/debates', {
      title: 'Stationnement autour du marché Dantokpa',
      body: 'Les embouteillages aux abords du marché s’aggravent. Quelles solutions proposez-vous ?',
      open: true,
    });
    const id = String(debate['id']);

    const { context, page } = await signedInContext(browser, ACCOUNTS.citizen);
    await page.goto('/communes/cotonou');
    await page.getByRole('link', { name: 'Débats' }).click();
    await page.getByRole('link', { name: 'Stationnement autour du marché Dantokpa' }).first().click();
    await page.getByRole('heading', { name: 'Stationnement autour du marché Dantokpa' }).waitFor();

    const comment = 'Il faudrait un parking relais à Akpakpa avec des navettes.';
    await page.getByLabel('Votre commentaire').fill(comment);
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await page.locator('.comment', { hasText: comment }).waitFor();

    const comments = (await staff('GET', `/debates/${id}/comments`)) as unknown as { id: string; body: string }[];
    const parent = comments.find((c) => c.body === comment);
    await staff('POST', `/debates/${id}/comments`, { body: 'Un parking relais est prévu au budget 2027.', parentId: parent?.id });
    await page.reload();
    const official = page.locator('.comment--official');
    await official.getByText('Réponse officielle de la commune').waitFor();
    await official.getByText('Un parking relais est prévu au budget 2027.').waitFor();

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshots(page, 'debate');
    await context.close();
  });
});
