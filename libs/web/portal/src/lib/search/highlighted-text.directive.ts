import {
  Directive,
  ElementRef,
  inject,
  input,
  type OnChanges,
  Renderer2,
} from '@angular/core';

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
 * of plain text. Anything that is not one of those two tags stays visible as the text it is.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const token of html.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>' || token === '</mark>') {
      marked = token === '<mark>';
    } else if (token) {
      const text = token.replace(
        /&(?:amp|lt|gt|quot|#39);/g,
        (e) => ENTITIES[e] ?? e,
      );
      const last = parts.at(-1);
      // Runs of the same kind side by side (a stray `</mark>`) are one: the page's HTML would
      // join two text nodes anyway.
      if (last?.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/**
 * `<span [cpHighlightedText]="hit.highlights.title"></span>`: the highlight drawn inside its host
 * as text nodes and `<mark>` elements, never as HTML, so nothing a record contains can become
 * markup and no HTML sanitizer runs.
 *
 * Nodes made here rather than by `@for`/`@if` in the template: a page of results holds hundreds
 * of runs, and each would be a view for the app to create, or to take over from the server's page
 * (hydration), on a phone's slow CPU. The app never walks inside the host, so when it takes over a
 * page the server drew, the runs already there are kept as they are if they say the same.
 */
@Directive({ selector: '[cpHighlightedText]' })
export class HighlightedText implements OnChanges {
  readonly cpHighlightedText = input.required<string>();

  private readonly host =
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly renderer = inject(Renderer2);

  // On input changes rather than in an effect: creating the forty effects of a page of results
  // (two per result) took about 20 ms of the take-over here, profiled without slowdown.
  ngOnChanges(): void {
    this.draw(highlightParts(this.cpHighlightedText()));
  }

  private draw(parts: HighlightPart[]): void {
    if (this.shows(parts)) return;
    for (const child of Array.from(this.host.childNodes)) {
      this.renderer.removeChild(this.host, child);
    }
    for (const part of parts) {
      const text = this.renderer.createText(part.text);
      if (part.marked) {
        const mark = this.renderer.createElement('mark');
        this.renderer.appendChild(mark, text);
        this.renderer.appendChild(this.host, mark);
      } else {
        this.renderer.appendChild(this.host, text);
      }
    }
  }

  /** Whether the host already holds exactly these runs (the server drew them). */
  private shows(parts: HighlightPart[]): boolean {
    const nodes = this.host.childNodes;
    if (nodes.length !== parts.length) return false;
    return parts.every((part, i) => {
      const node = nodes[i];
      const isMark = node.nodeName === 'MARK';
      const isText = node.nodeType === 3; // Node.TEXT_NODE: Node is not a global on the server
      return (part.marked ? isMark : isText) && node.textContent === part.text;
    });
  }
}
