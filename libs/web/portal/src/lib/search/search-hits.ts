import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SearchResult } from '@communes/web-data-access';
import { DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../shared/label.pipe';
import { HighlightPipe } from './highlight.pipe';

/** One page of search results, with their highlights, commune, year, date and amount. */
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
