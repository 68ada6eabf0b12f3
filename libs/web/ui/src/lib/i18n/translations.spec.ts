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

describe('root translations', () => {
  it('has every French text in English too, and nothing else', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });
});
