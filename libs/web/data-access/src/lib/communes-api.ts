import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneList, CommuneStatus } from '@communes/shared-contracts';
import {
  type CommuneDetailResponse,
  type CommuneLastSessionsResponse,
  communesControllerGet,
  communesControllerList,
  type CommunesControllerList$Params,
} from '@communes/web-api-client';
import { map, Observable } from 'rxjs';
import { API_BASE_URL } from './api-config';
import { asApiErrors } from './http-helpers';

/** Server-side filters of the public directory; an empty or missing filter means "all". */
/**
 * How a commune presents itself. The API adds it to the commune when it has it; every field
 * may be missing or null, and the page must then fall back to the national look.
 */
export interface CommuneBrandingView {
  primaryColor?: string | null;
  secondaryColor?: string | null;
  logoUrl?: string | null;
  presentation?: string | null;
  mayorName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  website?: string | null;
}

/** One commune as its public page reads it. */
export type CommunePage = CommuneDetailResponse & {
  branding?: CommuneBrandingView | null;
  /** When the last council and accountability sessions took place (older APIs: missing). */
  sessions?: CommuneLastSessionsResponse | null;
};

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

  /** One commune (`GET /api/v1/communes/{slug}`), with its presentation when it has one. */
  get(slug: string): Observable<CommunePage> {
    return communesControllerGet(this.http, this.rootUrl, { slug }).pipe(
      map((response): CommunePage => response.body),
      asApiErrors(),
    );
  }
}
