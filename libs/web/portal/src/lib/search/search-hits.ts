import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SearchResult } from '@communes/web-data-access';
import { AppLinks, DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../shared/label.pipe';
import { HighlightedText } from './highlighted-text.directive';

/**
 * One page of search results, with their highlights, commune, year, date and amount. Its 40
 * links are plain `href`s followed by the router through `cpAppLinks` (see there why).
 */
@Component({
  selector: 'cp-search-hits',
  imports: [TranslocoPipe, FcfaPipe, DatePipe, LabelPipe, HighlightedText],
  templateUrl: './search-hits.html',
  styleUrl: './search-hits.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  hostDirectives: [AppLinks],
})
export class SearchHits {
  readonly hits = input.required<SearchResult['hits']>();
  /** The rank of the first hit (21 on the second page). */
  readonly start = input.required<number>();
}
