import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  input,
  output,
  signal,
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

  /**
   * Filters start open beside the results on a wide screen, folded above them on a phone. The
   * server cannot tell which: it sends them folded, and a wide screen opens them once the app runs.
   */
  protected readonly open = signal(false);
  /**
   * Whether the facets are drawn: only once the box has been open. Folded on a phone, they
   * would be dozens of checkboxes for the app to take over from the server's page, on the
   * phone's slow CPU, that most readers never unfold.
   */
  protected readonly drawn = signal(false);

  constructor() {
    afterNextRender(() => {
      const wide =
        typeof matchMedia === 'function' &&
        matchMedia('(min-width: 56rem)').matches;
      if (wide) this.toggle(true);
    });
  }

  /** The box was opened or closed (by its summary, or by the find-in-page of the browser). */
  protected toggle(open: boolean): void {
    this.open.set(open);
    if (open) this.drawn.set(true);
  }

  protected applyAmount(event: Event, min: string, max: string): void {
    event.preventDefault();
    this.amountApplied.emit({ min, max });
  }
}
