import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@communes/shared-contracts';

/**
 * A failed API call, with what the server said about it when it sent RFC 9457 problem details
 * (`application/problem+json`). Components show their own message and may add `detail`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no response arrived (offline, DNS failure, aborted request). */
    readonly status: number,
    /** The problem's `detail`, meant for humans; null when the server sent no problem details. */
    readonly detail: string | null,
    /** The problem's stable machine-readable `code`, e.g. `validation.failed`. */
    readonly code: string | null,
    /** Correlation id to quote to support (problem `requestId` or `x-request-id` header). */
    readonly requestId: string | null,
    options?: ErrorOptions,
  ) {
    super(detail ?? `API request failed with status ${status}`, options);
  }

  /** True when the server could not be reached at all. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

/** Reads the problem details (if any) out of a failed HttpClient response. */
export function toApiError(error: HttpErrorResponse): ApiError {
  const problem = readProblem(error.error);
  const requestId = problem?.requestId ?? error.headers.get('x-request-id');
  return new ApiError(
    error.status,
    problem?.detail ?? null,
    problem?.code ?? null,
    requestId,
    { cause: error },
  );
}

type ProblemFields = Partial<
  Pick<ProblemDetails, 'detail' | 'code' | 'requestId'>
>;

function readProblem(body: unknown): ProblemFields | null {
  if (typeof body === 'string') {
    try {
      return readProblem(JSON.parse(body));
    } catch {
      return null;
    }
  }
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const fields: ProblemFields = {};
  for (const key of ['detail', 'code', 'requestId'] as const) {
    const value: unknown = Reflect.get(body, key);
    if (typeof value === 'string' && value.trim() !== '') {
      fields[key] = value;
    }
  }
  return fields;
}
