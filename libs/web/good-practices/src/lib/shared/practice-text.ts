import { inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { GOOD_PRACTICE_LIMITS } from '@communes/shared-contracts';
import { communeSlugOf } from '@communes/web-auth';
import { ApiError } from '@communes/web-data-access';

/** Plain text as paragraphs: the writer separates them with a blank line. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** The `:slug` of this route or a parent. */
export function injectSlug(): string {
  return communeSlugOf(inject(ActivatedRoute).snapshot) ?? '';
}

/** The root text key for a failure (network, not found, server...). */
export function errorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return 'errors.network';
    if (error.status === 404) return 'errors.notFound';
    if (error.status >= 500) return 'errors.server';
  }
  return 'errors.unexpected';
}

/** The server's own sentence for a refused request (4xx problem detail), else null. */
export function problemDetail(error: unknown): string | null {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.detail : null;
}

/** The form fields a practice still lacks to be submitted (same rule as the API). */
export function missingFields(values: { summary: string; body: string; results: string; contactRole: string }): ('summary' | 'body' | 'results' | 'contactRole')[] {
  const limits = GOOD_PRACTICE_LIMITS;
  const min = { summary: limits.summary.min, body: limits.body.min, results: limits.results.min, contactRole: limits.contactRole.min };
  return (Object.keys(min) as (keyof typeof min)[]).filter((field) => values[field].trim().length < min[field]);
}
