import type { DebateCommentResponse } from '@communes/web-api-client';
import { threadsOf } from './debate-page';
import { validateDebate } from './debates-page';

const comment = (id: string, parentId: string | null = null): DebateCommentResponse =>
  ({ id, parentId, body: id, hidden: false, isOfficial: false }) as DebateCommentResponse;

describe('debates', () => {
  it('checks the limits of a debate before sending', () => {
    expect(validateDebate({ title: 'Eau', body: 'Trop court' })).toEqual({ title: 'console.debates.errors.title' });
    expect(validateDebate({ title: 'Eau potable à Akpakpa', body: 'court' })).toEqual({ body: 'console.debates.errors.body' });
    expect(validateDebate({ title: 'Eau potable à Akpakpa', body: 'Comment améliorer la distribution ?' })).toEqual({});
  });

  it('groups comments in two-level threads, replies to replies under their root, orphans on top', () => {
    const threads = threadsOf([comment('a'), comment('b'), comment('a1', 'a'), comment('a1x', 'a1'), comment('orphan', 'gone'), comment('b1', 'b')]);
    expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['a1', 'a1x']],
      ['b', ['b1']],
      ['orphan', []],
    ]);
  });
});
