/** Doléance (a grievance: something is wrong) or suggestion (an idea for the commune). */
export const FEEDBACK_KINDS = ['doleance', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** What the feedback is about: the services a commune of Benin is responsible for. */
export const FEEDBACK_CATEGORIES = [
  'voirie', // roads, streets, bridges
  'eau', // water points, boreholes
  'assainissement', // drainage, gutters, flooding
  'dechets', // waste collection
  'eclairage', // street lighting
  'marches', // markets
  'education', // schools
  'sante', // health centres
  'etat_civil', // civil registry
  'securite', // public safety
  'environnement',
  'autre',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/**
 * received → in_progress → answered → resolved; declined from any open status. `resolved` and
 * `declined` close the feedback.
 */
export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'resolved', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const CLOSED_FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['resolved', 'declined'];

export const FEEDBACK_VISIBILITIES = ['public', 'private'] as const;
export type FeedbackVisibility = (typeof FEEDBACK_VISIBILITIES)[number];

/** Length limits, shared by the API's validation and the web form. */
export const FEEDBACK_TEXT_MIN = 10;
export const FEEDBACK_TEXT_MAX = 4000;
export const FEEDBACK_PLACE_MAX = 200;
export const FEEDBACK_ANSWER_MAX = 4000;

/** Photos of a feedback: how many, how large each upload may be, which formats (judged by the bytes). */
export const FEEDBACK_PHOTOS_MAX = 4;
export const FEEDBACK_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const FEEDBACK_PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The author adds photos within this many hours of sending the feedback (retries on a flaky connection). */
export const FEEDBACK_PHOTO_WINDOW_HOURS = 24;

/** When a consultation shows its results: as answers come in, or once it has closed. */
export const CONSULTATION_RESULTS_VISIBILITIES = ['live', 'after_close'] as const;
export type ConsultationResultsVisibility = (typeof CONSULTATION_RESULTS_VISIBILITIES)[number];

/** Where a consultation stands: `draft` is staff-only; the others follow from its dates. */
export const CONSULTATION_PHASES = ['draft', 'upcoming', 'open', 'closed'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];
