/**
 * Council sessions (sessions du conseil communal) and accountability sessions (reddition de
 * comptes): one shape, told apart by `kind`.
 */
export const COUNCIL_SESSION_KINDS = ['council', 'accountability'] as const;
export type CouncilSessionKind = (typeof COUNCIL_SESSION_KINDS)[number];

/** Only for council sessions: ordinary (the legal cycle) or extraordinary (convened on demand). */
export const COUNCIL_SESSION_TYPES = ['ordinary', 'extraordinary'] as const;
export type CouncilSessionType = (typeof COUNCIL_SESSION_TYPES)[number];

/** draft (staff only) → scheduled → live → ended; scheduled or live → cancelled (with a reason). */
export const COUNCIL_SESSION_STATUSES = ['draft', 'scheduled', 'live', 'ended', 'cancelled'] as const;
export type CouncilSessionStatus = (typeof COUNCIL_SESSION_STATUSES)[number];

/** Where a linked document belongs: an agenda item's file, the minutes (procès-verbal), a deliberation, a photo or video. */
export const COUNCIL_SESSION_DOCUMENT_ROLES = ['agenda', 'minutes', 'deliberation', 'media'] as const;
export type CouncilSessionDocumentRole = (typeof COUNCIL_SESSION_DOCUMENT_ROLES)[number];

export const STREAM_KINDS = ['youtube', 'facebook', 'hls'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** Length limits, shared by the API's validation and the web forms. */
export const SESSION_TITLE_MAX = 200;
export const SESSION_DESCRIPTION_MAX = 4000;
export const SESSION_PLACE_MAX = 300;
export const SESSION_SUMMARY_MAX = 20000;
export const SESSION_AGENDA_ITEMS_MAX = 50;
export const SESSION_QUESTION_MIN = 10;
export const SESSION_QUESTION_MAX = 1000;
export const SESSION_ANSWER_MAX = 2000;
export const SESSION_HIDE_REASON_MIN = 3;
export const SESSION_HIDE_REASON_MAX = 500;
