/** News of a commune: written by its staff, public once published, withdrawn with a reason. */
export const NEWS_STATES = ['draft', 'published', 'withdrawn'] as const;
export type NewsState = (typeof NEWS_STATES)[number];

/** Length limits, shared by the API's validation and the console form. */
export const NEWS_TITLE_MIN = 3;
export const NEWS_TITLE_MAX = 200;
export const NEWS_SUMMARY_MAX = 300;
export const NEWS_BODY_MAX = 20000;
export const NEWS_REASON_MIN = 3;
export const NEWS_REASON_MAX = 500;
/** The cover image: one JPEG, PNG or WebP (re-encoded without metadata), at most this large. */
export const NEWS_COVER_MAX_BYTES = 8 * 1024 * 1024;
