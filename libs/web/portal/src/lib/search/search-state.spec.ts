import { convertToParamMap } from '@angular/router';
import { parseSearchState, toQueryParams, toSearchQuery } from './search-state';

describe('search state in the URL', () => {
  it('reads facets, amounts, sort and page, dropping what is not valid', () => {
    const state = parseSearchState(
      convertToParamMap({
        q: ' école ',
        commune: ['cotonou', 'abomey-calavi'],
        kind: ['contract', 'nonsense'],
        fiscalYear: ['2025', '20x5'],
        amountMin: '1 000 000',
        amountMax: 'beaucoup',
        sort: 'amount:desc',
        page: '3',
      }),
    );

    expect(state).toEqual({
      q: 'école',
      commune: ['cotonou', 'abomey-calavi'],
      department: [],
      kind: ['contract'],
      category: [],
      fiscalYear: ['2025'],
      amountMin: '1000000',
      amountMax: '',
      sort: 'amount:desc',
      page: 3,
    });
    expect(toSearchQuery(state)).toEqual({
      q: 'école',
      commune: ['cotonou', 'abomey-calavi'],
      department: [],
      kind: ['contract'],
      category: [],
      fiscalYear: [2025],
      amountMin: '1000000',
      amountMax: undefined,
      sort: 'amount',
      order: 'desc',
      page: 3,
      pageSize: 20,
    });
  });

  it('keeps links short: defaults are left out of the URL', () => {
    const state = parseSearchState(
      convertToParamMap({ sort: 'bogus', page: '-1' }),
    );

    expect(state.sort).toBe('relevance');
    expect(state.page).toBe(1);
    expect(toSearchQuery(state).sort).toBeUndefined();
    expect(
      Object.values(toQueryParams(state)).every((value) => value === null),
    ).toBe(true);
  });
});
