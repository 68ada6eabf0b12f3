import type { Settings } from 'meilisearch';
import { MAX_RESULT_WINDOW } from './search-engine';

/** The one shared index of published records. */
export const MEILISEARCH_INDEX = 'records';

/**
 * Index settings, kept in code and applied at start (Meilisearch only reindexes when they
 * change). Field names are those of `MeilisearchDocument` (meilisearch-documents.ts).
 */
export const MEILISEARCH_SETTINGS: Settings = {
  // Order matters: a match in the title ranks above one in the body.
  searchableAttributes: ['title', 'body', 'communeName', 'category'],
  filterableAttributes: ['communeId', 'communeSlug', 'department', 'kind', 'category', 'fiscalYear', 'amountValue'],
  sortableAttributes: ['date', 'amountValue'],
  // `sort` first: when the caller asks for date or amount order it is strict; with no sort
  // (relevance), the rule does nothing and the usual relevance rules decide.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  // Meilisearch's defaults, spelled out: one typo from 5 letters, two from 9. Meilisearch has
  // no stemming: typo tolerance is what makes "écoles" find "école".
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
  stopWords: [
    'a', 'à', 'au', 'aux', 'c', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'et', 'j', 'l', 'la', 'le', 'les',
    'm', 'n', 'ou', 'par', 'pour', 'qu', 'que', 's', 'sa', 'se', 'ses', 'son', 'sur', 't', 'un', 'une',
  ],
  // 77 communes per facet at most in Benin; room for other countries.
  faceting: { maxValuesPerFacet: 200 },
  // One more than the window: the search can then tell whether there are more matches.
  pagination: { maxTotalHits: MAX_RESULT_WINDOW + 1 },
};

/** Facets requested on every search, in `SearchFacets` order. */
export const MEILISEARCH_FACETS = {
  communes: 'communeSlug',
  departments: 'department',
  kinds: 'kind',
  categories: 'category',
  fiscalYears: 'fiscalYear',
} as const;
