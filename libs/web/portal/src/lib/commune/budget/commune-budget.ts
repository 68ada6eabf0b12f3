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
import { FcfaPipe, LoadFailure, NumberPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CommuneContext } from '../commune-context';
import { budgetYears, yearView } from './budget-view';

/**
 * The budget explained: for a fiscal year, what was planned (budget primitif, or collectif once
 * voted) against what was executed (compte administratif), by section and direction, as bars a
 * non-specialist can read, with the words explained beside them.
 */
@Component({
  selector: 'cp-commune-budget',
  imports: [RouterLink, TranslocoPipe, FcfaPipe, NumberPipe, LoadFailure],
  templateUrl: './commune-budget.html',
  styleUrls: ['../commune-section.css', './commune-budget.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneBudget {
  private readonly api = inject(TransparencyApi);
  private readonly context = inject(CommuneContext);

  protected readonly budgets = rxResource({
    params: () => this.context.slug(),
    stream: ({ params }) => this.api.budgets(params),
  });

  protected readonly years = computed(() =>
    this.budgets.hasValue() ? budgetYears(this.budgets.value()) : [],
  );
  private readonly chosenYear = signal<number | null>(null);
  /** The chosen year, else the latest one that can be compared (planned and executed). */
  protected readonly year = computed(() => {
    const chosen = this.chosenYear();
    if (chosen !== null) {
      return chosen;
    }
    const budgets = this.budgets.hasValue() ? this.budgets.value() : [];
    const comparable = this.years().find(
      (y) => yearView(budgets, y).executed && yearView(budgets, y).planned,
    );
    return comparable ?? this.years()[0] ?? null;
  });
  protected readonly view = computed(() => {
    const year = this.year();
    return year !== null && this.budgets.hasValue()
      ? yearView(this.budgets.value(), year)
      : null;
  });

  protected chooseYear(value: string): void {
    this.chosenYear.set(Number(value));
  }
}
