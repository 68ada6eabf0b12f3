import { Pipe, type PipeTransform } from '@angular/core';

/** One run of a highlighted text: matched words (`marked`) or the text around them. */
export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The search API's highlights (escaped text whose only tags are `<mark>` and `</mark>`) as runs
 * of plain text. The page draws them as text, never as HTML: nothing a record contains can become
 * markup, and no HTML sanitizer runs (it cost milliseconds per result on a phone). Anything that
 * is not one of those two tags stays visible as the text it is.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const token of html.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>' || token === '</mark>') {
      marked = token === '<mark>';
    } else if (token) {
      parts.push({
        text: token.replace(
          /&(?:amp|lt|gt|quot|#39);/g,
          (e) => ENTITIES[e] ?? e,
        ),
        marked,
      });
    }
  }
  return parts;
}

/** `@for (part of hit.highlights.title | cpHighlight; track $index)`: see `highlightParts`. */
@Pipe({ name: 'cpHighlight' })
export class HighlightPipe implements PipeTransform {
  transform(html: string): HighlightPart[] {
    return highlightParts(html);
  }
}
