import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '@communes/web-data-access';

/** What to tell a citizen whose message did not go through (their text stays in the form). */
export interface SendFailure {
  /** Key under `civic.failed.` */
  key: 'offline' | 'signedOut' | 'tooMany' | 'tooManyMinutes' | 'closed' | 'refused' | 'server';
  params?: Record<string, string | number>;
}

export function sendFailure(error: unknown): SendFailure {
  if (!(error instanceof ApiError)) return { key: 'server' };
  if (error.isNetworkError) return { key: 'offline' };
  if (error.status === 401) return { key: 'signedOut' };
  if (error.status === 429) {
    const seconds = retryAfterSeconds(error);
    return seconds === null ? { key: 'tooMany' } : { key: 'tooManyMinutes', params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } };
  }
  if (error.status === 409) return { key: 'closed', params: { detail: error.detail ?? '' } };
  if (error.status >= 400 && error.status < 500 && error.detail) return { key: 'refused', params: { detail: error.detail } };
  return { key: 'server' };
}

/** Retry-After in seconds (a number of seconds or an HTTP date), from the response kept as the error's cause. */
export function retryAfterSeconds(error: ApiError, now = Date.now()): number | null {
  const cause = error.cause;
  const header = cause instanceof HttpErrorResponse ? cause.headers.get('retry-after') : null;
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000));
}
