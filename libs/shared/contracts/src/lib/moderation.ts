/**
 * Moderation of citizen content (issue 5): anyone reports, the commune's moderators and admins
 * hide, restore or dismiss, with a reason its author is told.
 */

/** The kinds of citizen content that can be reported and hidden. */
export const MODERATED_CONTENT_KINDS = ['feedback', 'debate_comment', 'session_question'] as const;
export type ModeratedContentKind = (typeof MODERATED_CONTENT_KINDS)[number];

/** Why someone reports a content: a short fixed list, with optional details. */
export const REPORT_REASONS = ['spam', 'abuse', 'personal_data', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_DETAILS_MAX = 500;

/** Length of the reason of a moderation decision (shown to the author when content is hidden). */
export const MODERATION_REASON_MIN = 3;
export const MODERATION_REASON_MAX = 500;

/** Decisions on a reported content: hide it, restore it, or dismiss the reports (it stays). */
export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The queue's views: contents with open reports, handled ones, and every hidden content. */
export const MODERATION_QUEUE_STATES = ['open', 'handled', 'hidden'] as const;
export type ModerationQueueState = (typeof MODERATION_QUEUE_STATES)[number];

/** What moderation knows of one content, as its feature describes it (staff eyes only). */
export interface ModeratedContentSummary {
  kind: ModeratedContentKind;
  id: string;
  /** The first characters of the text. */
  excerpt: string;
  authorId: string | null;
  authorName: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  /** Path of the content in the web app (e.g. `/suivi/COT-2026-000123?commune=cotonou`). */
  link: string;
}

/**
 * The port through which a feature lends its citizen content to moderation: it describes,
 * lists hidden, hides and restores its own rows, inside the caller's tenant transaction (its
 * RLS decides what the caller sees). Moderation never reads a feature's tables itself. It lives
 * here, not in libs/api/moderation, because moderation imports the features that implement it.
 */
export interface ModeratedContentSource {
  readonly kind: ModeratedContentKind;
  /** The contents among `ids` that the caller may read; unknown or unreadable ids are left out. */
  describe(commune: { id: string; slug: string }, ids: readonly string[]): Promise<ModeratedContentSummary[]>;
  /** Hidden contents, most recently hidden first (staff scope). */
  hidden(commune: { id: string; slug: string }, limit: number): Promise<ModeratedContentSummary[]>;
  hide(communeId: string, id: string, reason: string, hiddenBy: string | null): Promise<void>;
  restore(communeId: string, id: string): Promise<void>;
}

/**
 * What a feature calls after hiding or restoring content through its own endpoint (e.g. a
 * debate's hide): moderation then closes the open reports and tells the author, as its own
 * endpoints do. Provided by libs/api/moderation under `MODERATION_DECISION_HOOK`; optional for
 * the features (absent in a test module without moderation). Runs in the caller's transaction.
 */
export interface ModerationDecisionHook {
  decided(commune: { id: string; slug: string }, decision: { kind: ModeratedContentKind; id: string; action: 'hide' | 'restore'; reason: string }): Promise<void>;
}
export const MODERATION_DECISION_HOOK = 'ModerationDecisionHook';
