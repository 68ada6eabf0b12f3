import { MODERATED_CONTENT_KINDS, MODERATION_ACTIONS, MODERATION_QUEUE_STATES, REPORT_REASONS } from '@communes/shared-contracts';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

describe('moderation translations', () => {
  it('has every French text in English too, and nothing else', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('names every reason, kind, queue view and decision', () => {
    const all = keys(fr as Tree);
    for (const reason of REPORT_REASONS) expect(all).toContain(`reason.${reason}`);
    for (const kind of MODERATED_CONTENT_KINDS) expect(all).toContain(`kind.${kind}`);
    for (const state of MODERATION_QUEUE_STATES) expect(all).toContain(`queue.states.${state}`);
    for (const action of MODERATION_ACTIONS) expect(all).toContain(`queue.done.${action}`);
  });
});
