import { LowerCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  AgendaEvent,
  CommuneDocument,
  CommunePage,
} from '@communes/web-data-access';
import { DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../../shared/label.pipe';
import type { YearView } from '../budget/budget-view';

/**
 * The summaries of the commune's first page (latest budget, last sessions; next events, latest
 * documents), drawn from what the overview reads.
 */
@Component({
  selector: 'cp-commune-summaries',
  imports: [
    LowerCasePipe,
    RouterLink,
    TranslocoPipe,
    DatePipe,
    FcfaPipe,
    LabelPipe,
  ],
  templateUrl: './commune-summaries.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneSummaries {
  /** Which summaries: those above the news block, or those below it. */
  readonly part = input.required<'before-news' | 'after-news'>();
  readonly budget = input<YearView | null>(null);
  readonly sessions = input<CommunePage['sessions'] | null>(null);
  readonly upcoming = input<readonly AgendaEvent[]>([]);
  readonly latestDocuments = input<readonly CommuneDocument[]>([]);
}
