import { highlightParts } from './highlight.pipe';

describe('highlightParts', () => {
  it('splits the marked words from the text around them', () => {
    expect(
      highlightParts("Construction de l'<mark>école</mark> de Zogbo"),
    ).toEqual([
      { text: "Construction de l'", marked: false },
      { text: 'école', marked: true },
      { text: ' de Zogbo', marked: false },
    ]);
  });

  it("gives back the record's own characters, escaped by the API, as text", () => {
    expect(
      highlightParts(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; l&#39;<mark>éclairage</mark> &amp; la voirie',
      ),
    ).toEqual([
      { text: '<script>alert("x")</script> l\'', marked: false },
      { text: 'éclairage', marked: true },
      { text: ' & la voirie', marked: false },
    ]);
  });

  it('keeps any other tag as visible text, never as markup', () => {
    expect(highlightParts('<b>gras</b> <mark>mot</mark>')).toEqual([
      { text: '<b>gras</b> ', marked: false },
      { text: 'mot', marked: true },
    ]);
  });

  it('handles a text with no mark, and an empty one', () => {
    expect(highlightParts('rien')).toEqual([{ text: 'rien', marked: false }]);
    expect(highlightParts('')).toEqual([]);
  });
});
