import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key}`]
      : keys(value, `${prefix}${key}.`),
  );
}

describe('civic translations (live sessions, debates)', () => {
  it('has every French text in English too, and nothing else', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('has no empty text', () => {
    for (const tree of [fr, en] as Tree[]) {
      const empty = keys(tree).filter((key) => {
        const value = key
          .split('.')
          .reduce<string | Tree>((node, part) => (node as Tree)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
