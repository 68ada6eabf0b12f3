import { ApiError } from '@communes/web-data-access';

/** The server's own sentence when it sent one (problem+json `detail`), else the given key's text. */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.detail ? error.detail : fallback;
}
