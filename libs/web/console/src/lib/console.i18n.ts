import { provideTranslocoScope, type Translation } from '@jsverse/transloco';

/** The commune console's texts: key prefix `console.`, lazy chunks loaded with its routes. */
export const CONSOLE_SCOPE = 'console';

/**
 * The scope's texts come from several files (one per group of pages, so that people working on
 * different pages do not edit the same file), merged into one `console.` scope.
 */
const merged = (...files: Promise<{ default: Translation }>[]) =>
  Promise.all(files).then((loaded) => Object.assign({}, ...loaded.map((file) => file.default)) as Translation);

export const consoleI18n = provideTranslocoScope({
  scope: CONSOLE_SCOPE,
  loader: {
    fr: () => merged(import('./i18n/fr.json'), import('./i18n/sessions.fr.json'), import('./i18n/news.fr.json')),
    en: () => merged(import('./i18n/en.json'), import('./i18n/sessions.en.json'), import('./i18n/news.en.json')),
  },
});
