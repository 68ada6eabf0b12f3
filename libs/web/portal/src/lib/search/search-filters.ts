import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { NumberPipe } from '@communes/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LabelPipe } from '../shared/label.pipe';
import type { FacetName } from './search-state';

/** One value of a facet, with its count and whether it is ticked. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetGroup {
  name: FacetName;
  options: FacetOption[];
}

/**
 * The search filters: facets as checkboxes with counts, the amount range, "clear". The page keeps
 * the state (in the URL) and the rules; this only shows them and says what was chosen.
 */
@Component({
  selector: 'cp-search-filters',
  imports: [TranslocoPipe, NumberPipe, LabelPipe],
  templateUrl: './search-filters.html',
  styleUrl: './search-filters.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchFilters {
  readonly facets = input.required<readonly FacetGroup[]>();
  /** How many filters are on, shown on the folded filter box of a phone. */
  readonly activeFilters = input.required<number>();
  readonly filtered = input.required<boolean>();
  readonly amountMin = input.required<string>();
  readonly amountMax = input.required<string>();

  readonly toggled = output<{
    name: FacetName;
    value: string;
    checked: boolean;
  }>();
  readonly amountApplied = output<{ min: string; max: string }>();
  readonly cleared = output<void>();

  /** Filters start open beside the results on a wide screen, folded above them on a phone. */
  protected readonly wide =
    typeof matchMedia === 'function' &&
    matchMedia('(min-width: 56rem)').matches;

  protected applyAmount(event: Event, min: string, max: string): void {
    event.preventDefault();
    this.amountApplied.emit({ min, max });
  }
}
