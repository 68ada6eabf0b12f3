import { escapeHtml, HIGHLIGHT_END as E, HIGHLIGHT_START as S, toSafeHighlight } from './highlight';

describe('toSafeHighlight', () => {
  it('escapes the text and turns markers into <mark>', () => {
    expect(toSafeHighlight(`l'${S}école${E} & <b>`)).toBe('l&#39;<mark>école</mark> &amp; &lt;b&gt;');
    expect(toSafeHighlight(`<script>alert("x")</script> ${S}éclairage${E}`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>éclairage</mark>',
    );
  });

  it('never leaves a tag other than balanced <mark>', () => {
    expect(toSafeHighlight(`${E}a${S}b${S}c${E}d${E}`)).toBe('a<mark>bc</mark>d');
    expect(toSafeHighlight(`a${S}b`)).toBe('a<mark>b</mark>');
    expect(toSafeHighlight('<mark>not ours</mark>')).toBe('&lt;mark&gt;not ours&lt;/mark&gt;');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
