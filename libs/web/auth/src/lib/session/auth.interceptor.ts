import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthSession } from './auth-session';

/** The endpoints that take no bearer and that the session itself calls to refresh. */
const AUTH_PATH = '/api/v1/auth/';

/**
 * Adds the access token to API calls; on a 401, refreshes once (rotating the refresh token) and
 * replays the call. A second 401, or a failed refresh, goes back to the caller.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.url.includes(AUTH_PATH) || !request.url.includes('/api/')) return next(request);
  const session = inject(AuthSession);
  const token = session.currentAccessToken();
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !token) return throwError(() => error);
      return from(session.refresh()).pipe(
        switchMap((fresh) => (fresh ? next(withBearer(request, fresh)) : throwError(() => error))),
      );
    }),
  );
};

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}
