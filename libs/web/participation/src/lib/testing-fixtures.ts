import type { FeedbackResponse } from '@communes/web-api-client';

/** A feedback as the API sends it, for the specs. */
export const sentFeedback: FeedbackResponse = {
  id: 'f1',
  communeId: 'c1',
  trackingNumber: 'COT-2026-000123',
  kind: 'doleance',
  category: 'assainissement',
  text: 'Le caniveau de la rue 12.045 est bouché depuis trois semaines.',
  place: 'Agla',
  latitude: null,
  longitude: null,
  visibility: 'public',
  status: 'received',
  authorId: null,
  authorName: null,
  assigneeId: null,
  assigneeName: null,
  answer: null,
  answeredAt: null,
  firstResponseAt: null,
  closedAt: null,
  createdAt: '2026-03-02T09:00:00Z',
  updatedAt: '2026-03-02T09:00:00Z',
  supportCount: 0,
  supportedByMe: false,
  isMine: true,
};
