import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HighlightedText, highlightParts } from './highlighted-text.directive';

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

  it('joins runs of the same kind that a stray tag would split', () => {
    expect(highlightParts('a</mark>b<mark>c</mark><mark>d</mark>')).toEqual([
      { text: 'ab', marked: false },
      { text: 'cd', marked: true },
    ]);
  });

  it('handles a text with no mark, and an empty one', () => {
    expect(highlightParts('rien')).toEqual([{ text: 'rien', marked: false }]);
    expect(highlightParts('')).toEqual([]);
  });
});

@Component({
  imports: [HighlightedText],
  template: `<p [cpHighlightedText]="text()"></p>`,
})
class Host {
  readonly text = signal('');
}

describe('HighlightedText', () => {
  function render(text: string) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.text.set(text);
    fixture.detectChanges();
    return {
      fixture,
      p: fixture.nativeElement.querySelector('p') as HTMLElement,
    };
  }

  it('draws the runs as text and <mark> elements, never as markup', () => {
    const { p } = render('&lt;b&gt;x&lt;/b&gt; <mark>école</mark> de Zogbo');
    expect(p.innerHTML).toBe(
      '&lt;b&gt;x&lt;/b&gt; <mark>école</mark> de Zogbo',
    );
    expect(p.querySelector('b')).toBeNull();
  });

  it('redraws when the highlight changes', () => {
    const { fixture, p } = render('<mark>a</mark> b');
    fixture.componentInstance.text.set('c <mark>d</mark>');
    fixture.detectChanges();
    expect(p.innerHTML).toBe('c <mark>d</mark>');
  });

  it('keeps the nodes already there when they say the same (a page drawn by the server)', () => {
    const { fixture, p } = render('<mark>a</mark> b');
    const mark = p.firstChild;
    fixture.componentInstance.text.set('<mark>a</mark> b</mark>');
    fixture.detectChanges();
    expect(p.firstChild).toBe(mark);
    expect(p.innerHTML).toBe('<mark>a</mark> b');
  });
});
