import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '@communes/shared-contracts';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

describe('participation translations', () => {
  it('has every French text in English too, and nothing else', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('names every category and status the API may send', () => {
    const all = keys(fr as Tree);
    for (const category of FEEDBACK_CATEGORIES) expect(all).toContain(`category.${category}`);
    for (const status of FEEDBACK_STATUSES) expect(all).toContain(`status.${status}`);
  });
});
