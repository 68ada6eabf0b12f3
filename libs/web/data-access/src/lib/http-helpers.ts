import { HttpErrorResponse } from '@angular/common/http';
import { catchError, type OperatorFunction, throwError } from 'rxjs';
import { toApiError } from './api-error';

/** HttpClient failures become `ApiError`s; anything else goes through unchanged. */
export function asApiErrors<T>(): OperatorFunction<T, T> {
  return catchError((error: unknown) =>
    throwError(() =>
      error instanceof HttpErrorResponse ? toApiError(error) : error,
    ),
  );
}

/**
 * A link to a generated operation's path (for `<a href download>`: files the browser fetches
 * itself), its `{name}` placeholders filled and encoded, under the API root.
 */
export function linkTo(
  rootUrl: string,
  path: string,
  params: Readonly<Record<string, string>>,
): string {
  return (
    rootUrl +
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name] ?? ''),
    )
  );
}
