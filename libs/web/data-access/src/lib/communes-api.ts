import {
  HttpClient,
  HttpErrorResponse,
  HttpParams,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneList, CommuneStatus } from '@communes/shared-contracts';
import { catchError, Observable, throwError } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { toApiError } from './api-error';

/** Server-side filters of the public directory; an empty or missing filter means "all". */
export interface CommuneFilters {
  department?: string;
  status?: CommuneStatus;
}

/** The public directory of communes (`/api/v1/communes`). Fails with an `ApiError`. */
@Injectable({ providedIn: 'root' })
export class CommunesApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(filters: CommuneFilters = {}): Observable<CommuneList> {
    let params = new HttpParams();
    if (filters.department) {
      params = params.set('department', filters.department);
    }
    if (filters.status) {
      params = params.set('status', filters.status);
    }
    return this.http
      .get<CommuneList>(`${this.baseUrl}/communes`, { params })
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof HttpErrorResponse ? toApiError(error) : error,
          ),
        ),
      );
  }
}
