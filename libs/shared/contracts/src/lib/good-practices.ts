/** Themes of the national library of good practices (ANCB's classification). */
export const GOOD_PRACTICE_THEMES = [
  'finances_locales',
  'transparence',
  'participation_citoyenne',
  'services_publics',
  'etat_civil',
  'environnement_assainissement',
  'developpement_economique',
  'genre_inclusion',
  'autre',
] as const;
export type GoodPracticeTheme = (typeof GOOD_PRACTICE_THEMES)[number];

/**
 * Where a practice is in its review: the commune writes a draft and submits it; ANCB publishes
 * it, asks for changes (the commune edits and submits again) or rejects it (final); ANCB may
 * take a published practice off the library (`unpublished`: the commune may edit and resubmit).
 */
export const GOOD_PRACTICE_STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'rejected', 'unpublished'] as const;
export type GoodPracticeStatus = (typeof GOOD_PRACTICE_STATUSES)[number];

/** Statuses in which the commune may still edit its practice. */
export const GOOD_PRACTICE_EDITABLE_STATUSES: readonly GoodPracticeStatus[] = ['draft', 'changes_requested', 'unpublished'];

/** Entries of a practice's review history. */
export const GOOD_PRACTICE_REVIEW_ACTIONS = ['submitted', 'published', 'changes_requested', 'rejected', 'unpublished'] as const;
export type GoodPracticeReviewAction = (typeof GOOD_PRACTICE_REVIEW_ACTIONS)[number];

/** Lengths a practice must have to be submitted (drafts may be incomplete). */
export const GOOD_PRACTICE_LIMITS = {
  title: { min: 5, max: 200 },
  summary: { min: 20, max: 600 },
  body: { min: 100, max: 20000 },
  results: { min: 20, max: 4000 },
  contactRole: { min: 3, max: 200 },
  contactDetails: { max: 300 },
  comment: { min: 5, max: 2000 },
  documents: { max: 10 },
} as const;
