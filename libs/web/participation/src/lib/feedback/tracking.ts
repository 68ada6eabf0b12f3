import type { FeedbackStatus } from '@communes/shared-contracts';

/** COT-2026-000123: the commune's letters, the year, the number (as the API checks it). */
export const TRACKING_NUMBER = /^[A-Z]{2,4}-[0-9]{4}-[0-9]{6,9}$/;

/** What a citizen may type: spaces, lower case, an en dash... turned into the canonical form. */
export function normaliseTrackingNumber(input: string): string {
  return input.trim().toUpperCase().replace(/[\s–—_]+/g, '-').replace(/-+/g, '-');
}

/**
 * The letters the API puts in front of a commune's numbers (same rule as its
 * `trackingNumberFor`: the first three letters of the slug), to find the commune from the number.
 */
export function trackingPrefixOf(slug: string): string {
  return slug.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase().padEnd(2, 'X');
}

/** The slugs whose numbers start like `trackingNumber` (several communes may share letters). */
export function communesForNumber(trackingNumber: string, slugs: readonly string[]): string[] {
  const prefix = trackingNumber.split('-')[0];
  return slugs.filter((slug) => trackingPrefixOf(slug) === prefix);
}

export type TimelineStep = { status: 'received' | 'in_progress' | 'answered' | 'closed'; state: 'done' | 'current' | 'todo'; date: string | null };

/**
 * The steps shown to the citizen: reçu → en cours → répondu → résolu / refusé. A step skipped by
 * the commune (answered straight away) still shows as passed.
 */
export function timelineOf(feedback: {
  status: FeedbackStatus;
  createdAt: string;
  firstResponseAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
}): TimelineStep[] {
  const order = ['received', 'in_progress', 'answered', 'closed'] as const;
  const reached = feedback.status === 'resolved' || feedback.status === 'declined' ? 3 : order.indexOf(feedback.status);
  const dates: Record<(typeof order)[number], string | null> = {
    received: feedback.createdAt,
    in_progress: feedback.firstResponseAt,
    answered: feedback.answeredAt,
    closed: feedback.closedAt,
  };
  return order.map((status, index) => ({
    status,
    state: index < reached || (index === reached && index === 3) ? 'done' : index === reached ? 'current' : 'todo',
    date: index <= reached ? dates[status] : null,
  }));
}

/** Where staff may move feedback from each status (mirrors the API's rule; it decides anyway). */
export const NEXT_STATUSES: Record<FeedbackStatus, readonly ('in_progress' | 'answered' | 'resolved' | 'declined')[]> = {
  received: ['in_progress', 'answered', 'resolved', 'declined'],
  in_progress: ['answered', 'resolved', 'declined'],
  answered: ['in_progress', 'resolved', 'declined'],
  resolved: [],
  declined: [],
};
