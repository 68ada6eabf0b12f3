import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneList, CommuneStatus } from '@communes/shared-contracts';
import {
  communesControllerList,
  type CommunesControllerList$Params,
} from '@communes/web-api-client';
import {
  catchError,
  map,
  Observable,
  OperatorFunction,
  throwError,
} from 'rxjs';
import { API_BASE_URL } from './api-config';
import { toApiError } from './api-error';

/** Server-side filters of the public directory; an empty or missing filter means "all". */
export interface CommuneFilters {
  department?: string;
  status?: CommuneStatus;
}

/**
 * The public directory of communes (`GET /api/v1/communes`, operation `CommunesController_list`
 * of the generated client). Fails with an `ApiError`.
 */
@Injectable({ providedIn: 'root' })
export class CommunesApi {
  private readonly http = inject(HttpClient);
  private readonly rootUrl = inject(API_BASE_URL);

  list(filters: CommuneFilters = {}): Observable<CommuneList> {
    // Typed by the generated client: a renamed or retyped parameter breaks the build here.
    const params: CommunesControllerList$Params = {
      department: filters.department || undefined,
      status: filters.status || undefined,
    };
    // The generated operation, typed from the OpenAPI document (CommuneListResponse has the
    // shape of the shared CommuneList). It is called as `Api.invoke()` calls it, but with
    // API_BASE_URL as the root, so that either that token or the generated client's
    // configuration moves the call.
    return communesControllerList(this.http, this.rootUrl, params).pipe(
      map((response) => response.body),
      asApiErrors(),
    );
  }
}

/** HttpClient failures become `ApiError`s; anything else goes through unchanged. */
function asApiErrors<T>(): OperatorFunction<T, T> {
  return catchError((error: unknown) =>
    throwError(() =>
      error instanceof HttpErrorResponse ? toApiError(error) : error,
    ),
  );
}
