import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SearchResult } from '@communes/web-data-access';
import { DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../shared/label.pipe';
import { HighlightPipe } from './highlight.pipe';

/**
 * One page of search results. A component of its own so that the search page can leave it to be
 * taken over later (`@defer (…; hydrate on idle)`): its code then comes in a small chunk of its
 * own instead of turning the shared libraries it uses into lazily loaded ones.
 */
@Component({
  selector: 'cp-search-hits',
  imports: [
    RouterLink,
    TranslocoPipe,
    FcfaPipe,
    DatePipe,
    LabelPipe,
    HighlightPipe,
  ],
  templateUrl: './search-hits.html',
  styleUrl: './search-hits.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchHits {
  readonly hits = input.required<SearchResult['hits']>();
  /** The rank of the first hit (21 on the second page). */
  readonly start = input.required<number>();
}
