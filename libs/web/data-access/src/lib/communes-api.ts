import {
  HttpClient,
  HttpErrorResponse,
  HttpResponse,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneList, CommuneStatus } from '@communes/shared-contracts';
import {
  communesControllerList,
  type CommunesControllerList$Params,
  RequestBuilder,
} from '@communes/web-api-client';
import {
  catchError,
  filter,
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
    // The API does not declare this operation's response schema yet, so the generated
    // communesControllerList() reads the body as text and returns it as `void`. Until it does,
    // the request is built as the generated function builds it (same PATH, RequestBuilder and
    // parameters) and the JSON body is read as the shared CommuneList contract. Once the
    // operation is typed (see "the generated list operation" in communes-api.spec.ts), this
    // becomes `inject(Api).invoke(communesControllerList, params)`.
    const request = new RequestBuilder(
      this.rootUrl,
      communesControllerList.PATH,
      'get',
    );
    request.query('department', params.department, {});
    request.query('status', params.status, {});
    return this.http
      .request<CommuneList>(
        request.build({ responseType: 'json', accept: 'application/json' }),
      )
      .pipe(
        filter(
          (event): event is HttpResponse<CommuneList> =>
            event instanceof HttpResponse,
        ),
        map((response) => response.body as CommuneList),
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
