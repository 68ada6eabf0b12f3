import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  searchControllerSearch,
  type SearchControllerSearch$Params,
  type SearchResultResponse,
} from '@communes/web-api-client';
import { map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { asApiErrors } from './http-helpers';

/** The query of the national search, as the generated client types it. */
export type SearchQuery = SearchControllerSearch$Params;
export type SearchResult = SearchResultResponse;

/**
 * The national search across every commune's published records (`GET /api/v1/search`):
 * free text, facets (commune, department, kind, category, fiscal year), amount range, sort,
 * pages. Empty filters are left out of the URL.
 */
@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);
  private readonly rootUrl = inject(API_BASE_URL);

  search(query: SearchQuery): Observable<SearchResult> {
    const params: SearchQuery = {
      q: query.q?.trim() || undefined,
      commune: nonEmpty(query.commune),
      department: nonEmpty(query.department),
      kind: nonEmpty(query.kind),
      category: nonEmpty(query.category),
      fiscalYear: nonEmpty(query.fiscalYear),
      amountMin: query.amountMin || undefined,
      amountMax: query.amountMax || undefined,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    };
    return searchControllerSearch(this.http, this.rootUrl, params).pipe(
      map((response) => response.body),
      asApiErrors(),
    );
  }
}

function nonEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}
