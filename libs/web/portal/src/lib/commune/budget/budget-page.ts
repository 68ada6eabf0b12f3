import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TransparencyApi } from '@communes/web-data-access';
import { FcfaPipe, LoadFailure, PluralPipe } from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe } from '@jsverse/transloco';
import { routeParam } from '../../shared/route-param';
import { CommuneContext } from '../commune-context';

const PAGE_SIZE = 100;

/** One budget's lines (the target of budget-line search results), a page at a time. */
@Component({
  selector: 'cp-budget-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    FcfaPipe,
    PluralPipe,
    LoadFailure,
    Pager,
  ],
  templateUrl: './budget-page.html',
  styleUrl: '../commune-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetPage {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);
  private readonly id = routeParam('id');
  protected readonly page = signal(1);

  protected readonly budget = rxResource({
    params: () => ({
      slug: this.context.slug(),
      id: this.id(),
      page: this.page(),
    }),
    stream: ({ params }) =>
      this.api.budget(params.slug, params.id, {
        page: params.page,
        pageSize: PAGE_SIZE,
      }),
  });

  protected readonly pages = computed(() =>
    this.budget.hasValue()
      ? Math.max(1, Math.ceil(this.budget.value().lineCount / PAGE_SIZE))
      : 1,
  );
}
