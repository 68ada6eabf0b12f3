/**
 * Both engines mark matches with these two private-use characters (never HTML, never typed by
 * anyone); `toSafeHighlight` then escapes the whole text and only afterwards turns the markers
 * into `<mark>` tags. Marking with `<mark>` directly would leave the record's own `<`, `&`…
 * unescaped, or escape our tags along with them.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Text with markers → safe HTML. Markers are paired in order; a stray or nested one (say, the
 * character appeared in a record) is dropped, so the output always has balanced `<mark>` tags.
 */
export function toSafeHighlight(marked: string): string {
  let html = '';
  let open = false;
  let text = '';
  for (const char of marked) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      const opens = char === HIGHLIGHT_START;
      if (opens !== open) {
        html += escapeHtml(text) + (opens ? '<mark>' : '</mark>');
        text = '';
        open = opens;
      }
      continue;
    }
    text += char;
  }
  html += escapeHtml(text);
  return open ? `${html}</mark>` : html;
}
