import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { LowerCasePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { DatePipe, FcfaPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../../shared/label.pipe';
import { budgetYears, yearView } from '../budget/budget-view';
import { CommuneContext } from '../commune-context';
import { NewsBlock } from '../news/news-block';
import { PracticesBlock } from './practices-block';

/** The first section: who the commune is, how to reach it, what comes next, what is new, its good practices. */
@Component({
  selector: 'cp-commune-overview',
  imports: [
    LowerCasePipe,
    RouterLink,
    TranslocoPipe,
    DatePipe,
    FcfaPipe,
    LabelPipe,
    NewsBlock,
    PracticesBlock,
  ],
  templateUrl: './commune-overview.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneOverview {
  private readonly api = inject(TransparencyApi);
  protected readonly context = inject(CommuneContext);

  protected readonly commune = computed(() =>
    this.context.commune.hasValue() ? this.context.commune.value() : null,
  );

  /** Paragraphs of the commune's own text (plain text, blank lines between paragraphs). */
  protected readonly paragraphs = computed(() =>
    (this.context.branding().presentation ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  );

  private readonly active = computed(() => this.commune()?.status === 'active');
  /** The slug once the commune is active: the news block asks nothing before. */
  protected readonly activeSlug = computed(() => (this.active() ? this.context.slug() : undefined));

  // Both lists are secondary: if they fail, the section simply does not show.
  private readonly agenda = rxResource({
    params: () => (this.active() ? this.context.slug() : undefined),
    stream: ({ params }) => this.api.agenda(params),
  });
  private readonly documents = rxResource({
    params: () => (this.active() ? this.context.slug() : undefined),
    stream: ({ params }) => this.api.documents(params),
  });

  private readonly budgets = rxResource({
    params: () => (this.active() ? this.context.slug() : undefined),
    stream: ({ params }) => this.api.budgets(params),
  });

  /** The latest year's totals, planned and (when published) executed. */
  protected readonly budget = computed(() => {
    if (!this.budgets.hasValue()) {
      return null;
    }
    const year = budgetYears(this.budgets.value())[0];
    return year === undefined ? null : yearView(this.budgets.value(), year);
  });

  protected readonly upcoming = computed(() =>
    this.agenda.hasValue()
      ? this.agenda
          .value()
          .filter((e) => e.state !== 'draft')
          .slice(0, 3)
      : [],
  );

  protected readonly latestDocuments = computed(() =>
    this.documents.hasValue()
      ? this.documents
          .value()
          .filter((d) => d.state === 'published')
          .sort((a, b) =>
            (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
          )
          .slice(0, 5)
      : [],
  );
}
