import type { ModeratedContentKind, ModeratedContentSource } from '@communes/shared-contracts';
import { ModerationSources } from './moderation-sources';
import { itemOf } from './moderation.service';

const source = (kind: ModeratedContentKind): ModeratedContentSource => ({
  kind,
  describe: async () => [],
  hidden: async () => [],
  hide: async () => undefined,
  restore: async () => undefined,
});

describe('ModerationSources', () => {
  it('finds the source of each kind', () => {
    const sources = new ModerationSources([source('feedback'), source('debate_comment')]);
    expect(sources.get('debate_comment').kind).toBe('debate_comment');
    expect(sources.all().map((s) => s.kind)).toEqual(['feedback', 'debate_comment']);
  });

  it('refuses two sources for one kind, and says when a kind has none', () => {
    expect(() => new ModerationSources([source('feedback'), source('feedback')])).toThrow('Two moderation sources for feedback');
    expect(() => new ModerationSources([]).get('session_question')).toThrow('No moderation source for session_question');
  });
});

describe('itemOf', () => {
  it('a content deleted since it was reported: still listed with its reports, marked as gone', () => {
    const reported = new Date('2026-11-20T10:00:00Z');
    const item = itemOf('feedback', 'c1', null, {
      kind: 'feedback',
      contentId: 'c1',
      reportCount: 2,
      openReportCount: 1,
      reasons: ['spam'],
      details: [],
      firstReportedAt: reported,
      lastReportedAt: reported,
      handledAt: null,
    });
    expect(item).toMatchObject({ exists: false, excerpt: null, hidden: false, reportCount: 2, openReportCount: 1 });
  });

  it('a hidden content never reported: zero reports', () => {
    const hiddenAt = new Date('2026-11-21T10:00:00Z');
    const item = itemOf('debate_comment', 'c2', { kind: 'debate_comment', id: 'c2', excerpt: 'Texte', authorId: 'u1', authorName: 'Awa', hidden: true, hiddenReason: 'Hors sujet', hiddenAt, createdAt: hiddenAt, link: '/communes/cotonou/debats/t1' }, null);
    expect(item).toMatchObject({ exists: true, hidden: true, hiddenReason: 'Hors sujet', reportCount: 0, reasons: [], firstReportedAt: null });
  });
});
