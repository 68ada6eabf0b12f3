import type { Params, ParamMap } from '@angular/router';
import { SEARCH_KINDS } from '@communes/shared-contracts';
import type { SearchQuery } from '@communes/web-data-access';

/** The search as the URL holds it (shareable, back button friendly). */
export interface SearchState {
  q: string;
  commune: string[];
  department: string[];
  kind: string[];
  category: string[];
  fiscalYear: string[];
  amountMin: string;
  amountMax: string;
  /** `relevance`, `date:desc`, `date:asc`, `amount:desc`, `amount:asc`. */
  sort: SortOption;
  page: number;
}

export type FacetName =
  'commune' | 'department' | 'kind' | 'category' | 'fiscalYear';

export const FACET_NAMES: readonly FacetName[] = [
  'commune',
  'department',
  'kind',
  'category',
  'fiscalYear',
];

export const SORT_OPTIONS = [
  'relevance',
  'date:desc',
  'date:asc',
  'amount:desc',
  'amount:asc',
] as const;
export type SortOption = (typeof SORT_OPTIONS)[number];

export const PAGE_SIZE = 20;

/** Kinds of record in the search index (shared with the API); anything else in the URL is dropped. */
type Kind = NonNullable<SearchQuery['kind']>[number];
const KINDS: readonly string[] = SEARCH_KINDS;

/** Reads the URL leniently: a hand-edited or stale value is dropped, never sent as is. */
export function parseSearchState(params: ParamMap): SearchState {
  const sort = params.get('sort') ?? 'relevance';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim(),
    commune: params.getAll('commune').filter(Boolean),
    department: params.getAll('department').filter(Boolean),
    kind: params.getAll('kind').filter(isKind),
    category: params.getAll('category').filter(Boolean),
    fiscalYear: params.getAll('fiscalYear').filter((y) => /^\d{4}$/.test(y)),
    amountMin: digits(params.get('amountMin')),
    amountMax: digits(params.get('amountMax')),
    sort: (SORT_OPTIONS as readonly string[]).includes(sort)
      ? (sort as SortOption)
      : 'relevance',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL query parameters of a state; defaults are left out to keep links short. */
export function toQueryParams(state: SearchState): Params {
  return {
    q: state.q || null,
    commune: state.commune.length ? state.commune : null,
    department: state.department.length ? state.department : null,
    kind: state.kind.length ? state.kind : null,
    category: state.category.length ? state.category : null,
    fiscalYear: state.fiscalYear.length ? state.fiscalYear : null,
    amountMin: state.amountMin || null,
    amountMax: state.amountMax || null,
    sort: state.sort === 'relevance' ? null : state.sort,
    page: state.page > 1 ? state.page : null,
  };
}

/** The API query of a state. */
export function toSearchQuery(state: SearchState): SearchQuery {
  const [sort, order] = state.sort.split(':') as [
    'relevance' | 'date' | 'amount',
    'asc' | 'desc' | undefined,
  ];
  return {
    q: state.q || undefined,
    commune: state.commune,
    department: state.department,
    kind: state.kind.filter(isKind),
    category: state.category,
    fiscalYear: state.fiscalYear.map(Number),
    amountMin: state.amountMin || undefined,
    amountMax: state.amountMax || undefined,
    sort: sort === 'relevance' ? undefined : sort,
    order,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}

export function isFiltered(state: SearchState): boolean {
  return (
    FACET_NAMES.some((name) => state[name].length > 0) ||
    state.amountMin !== '' ||
    state.amountMax !== ''
  );
}

function isKind(value: string): value is Kind {
  return KINDS.includes(value);
}

function digits(value: string | null): string {
  const cleaned = (value ?? '').replace(/[\s\u00a0\u202f.,]/g, '');
  return /^\d{1,15}$/.test(cleaned) ? cleaned : '';
}
