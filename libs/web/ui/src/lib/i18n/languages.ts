/** The languages of the interface; French first (the default and the fallback). */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Where the visitor's choice is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'communes.lang';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** BCP 47 locale used by `Intl` for numbers and dates in each language. */
export const LOCALES: Readonly<Record<Language, string>> = {
  fr: 'fr-FR',
  en: 'en-GB',
};
