import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { Router } from '@angular/router';
import type { SearchResult } from '@communes/web-data-access';
import { DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../shared/label.pipe';
import { HighlightPipe } from './highlight.pipe';

/**
 * One page of search results, with their highlights, commune, year, date and amount.
 *
 * Its 40 links are plain `href`s followed in the app by one listener on the list, not 40
 * `routerLink`s: each RouterLink instance costs its own URL tree and router subscription, about a
 * quarter of the time a phone spends taking this page over from the server (profiled).
 */
@Component({
  selector: 'cp-search-hits',
  imports: [TranslocoPipe, FcfaPipe, DatePipe, LabelPipe, HighlightPipe],
  templateUrl: './search-hits.html',
  styleUrl: './search-hits.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The links' own clicks, bubbling up (a link is focusable, and Enter on it is a click too).
  host: { '(click)': 'follow($event)' },
})
export class SearchHits {
  readonly hits = input.required<SearchResult['hits']>();
  /** The rank of the first hit (21 on the second page). */
  readonly start = input.required<number>();

  private readonly router = inject(Router);

  /** A plain click on one of the links: followed in the app, as a routerLink would. */
  protected follow(event: MouseEvent): void {
    const link = (event.target as Element | null)?.closest('a');
    const href = link?.getAttribute('href');
    const plain =
      event.button === 0 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.shiftKey &&
      !event.altKey &&
      !event.defaultPrevented;
    // Only the app's own paths: a new tab, a download or another site stay the browser's.
    if (!plain || !href?.startsWith('/') || href.startsWith('//')) return;
    event.preventDefault();
    void this.router.navigateByUrl(href);
  }
}
