import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, TitleStrategy } from '@angular/router';
import { SearchApi } from '@communes/web-data-access';
import {
  LoadFailure,
  NumberPipe,
  PluralPipe,
  TranslatedTitleStrategy,
} from '@communes/web-ui';
import { Pager } from '@communes/web-ui/pager';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import {
  type FacetGroup,
  type FacetOption,
  SearchFilters,
} from './search-filters';
import { SearchHits } from './search-hits';
import {
  FACET_NAMES,
  type FacetName,
  isFiltered,
  PAGE_SIZE,
  parseSearchState,
  type SearchState,
  SORT_OPTIONS,
  type SortOption,
  toQueryParams,
  toSearchQuery,
} from './search-state';

const FACET_KEYS: Readonly<
  Record<
    FacetName,
    'communes' | 'departments' | 'kinds' | 'categories' | 'fiscalYears'
  >
> = {
  commune: 'communes',
  department: 'departments',
  kind: 'kinds',
  category: 'categories',
  fiscalYear: 'fiscalYears',
};

const SORT_LABELS: Readonly<Record<SortOption, string>> = {
  relevance: 'portal.search.sortRelevance',
  'date:desc': 'portal.search.sortDateDesc',
  'date:asc': 'portal.search.sortDateAsc',
  'amount:desc': 'portal.search.sortAmountDesc',
  'amount:asc': 'portal.search.sortAmountAsc',
};

/**
 * The national search. Everything (words, facets, amount range, sort, page) lives in the URL:
 * a result page can be shared and the back button undoes a filter.
 */
@Component({
  selector: 'cp-search-page',
  imports: [
    TranslocoPipe,
    PluralPipe,
    NumberPipe,
    LoadFailure,
    Pager,
    SearchFilters,
    SearchHits,
  ],
  templateUrl: './search-page.html',
  styleUrl: './search-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(SearchApi);

  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly sortLabels = SORT_LABELS;

  protected readonly state = toSignal(
    this.route.queryParamMap.pipe(map(parseSearchState)),
    { requireSync: true },
  );

  protected readonly results = rxResource({
    params: () => this.state(),
    stream: ({ params }) => this.api.search(toSearchQuery(params)),
  });

  /** Commune facets come as slugs: the answer names them (communeNames). */
  private readonly communeNames = computed<Readonly<Record<string, string>>>(
    () => (this.results.hasValue() ? this.results.value().communeNames : {}),
  );

  protected readonly filtered = computed(() => isFiltered(this.state()));
  /** How many filters are on, shown on the folded filter box of a phone. */
  protected readonly activeFilters = computed(() => {
    const state = this.state();
    return (
      FACET_NAMES.reduce((n, name) => n + state[name].length, 0) +
      (state.amountMin ? 1 : 0) +
      (state.amountMax ? 1 : 0)
    );
  });

  constructor() {
    // The words searched go in the page title, so a tab or the history says what it holds.
    const titles = inject(TitleStrategy);
    if (titles instanceof TranslatedTitleStrategy) {
      effect(() => {
        const q = this.state().q;
        titles.setDetail(q ? `« ${q} »` : null);
      });
      inject(DestroyRef).onDestroy(() => titles.setDetail(null));
    }
  }

  protected readonly pages = computed(() =>
    this.results.hasValue()
      ? Math.max(1, Math.ceil(this.results.value().total / PAGE_SIZE))
      : 1,
  );

  protected readonly facets = computed<FacetGroup[]>(() => {
    if (!this.results.hasValue()) {
      return [];
    }
    const facets = this.results.value().facets;
    const state = this.state();
    return FACET_NAMES.map((name) => {
      const selected = new Set(state[name]);
      const options: FacetOption[] = facets[FACET_KEYS[name]].map((f) => ({
        value: f.value,
        label: this.labelOf(name, f.value),
        count: f.count,
        selected: selected.has(f.value),
      }));
      // A selected value with no match left must stay visible, to be unticked.
      for (const value of selected) {
        if (!options.some((o) => o.value === value)) {
          options.push({
            value,
            label: this.labelOf(name, value),
            count: 0,
            selected: true,
          });
        }
      }
      if (name === 'fiscalYear') {
        options.sort((a, b) => b.value.localeCompare(a.value));
      }
      return { name, options };
    }).filter((group) => group.options.length > 0);
  });

  protected communeName(slug: string): string {
    return this.communeNames()[slug] ?? slug;
  }

  protected submit(event: Event, q: string): void {
    event.preventDefault();
    this.go({ q: q.trim(), page: 1 });
  }

  protected toggle(name: FacetName, value: string, checked: boolean): void {
    const current = this.state()[name];
    const next = checked
      ? [...current.filter((v) => v !== value), value]
      : current.filter((v) => v !== value);
    this.go({ [name]: next, page: 1 });
  }

  protected applyAmount(min: string, max: string): void {
    this.go({ amountMin: clean(min), amountMax: clean(max), page: 1 });
  }

  protected chooseSort(value: string): void {
    const sort = (SORT_OPTIONS as readonly string[]).includes(value)
      ? (value as SortOption)
      : 'relevance';
    this.go({ sort, page: 1 });
  }

  protected clearFilters(): void {
    this.go({
      commune: [],
      department: [],
      kind: [],
      category: [],
      fiscalYear: [],
      amountMin: '',
      amountMax: '',
      page: 1,
    });
  }

  protected retry(): void {
    this.results.reload();
  }

  private go(patch: Partial<SearchState>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams({ ...this.state(), ...patch }),
    });
  }

  private labelOf(name: FacetName, value: string): string {
    return name === 'commune' ? this.communeName(value) : value;
  }
}

function clean(value: string): string {
  return value.replace(/[\s\u00a0\u202f.,]/g, '');
}
