import { inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { communeSlugOf } from '@communes/web-auth';
import { ApiError, CommunesApi } from '@communes/web-data-access';

/** The `:slug` of this route or a parent (these pages sit under `communes/:slug/...`). */
export function injectSlug(): string {
  return communeSlugOf(inject(ActivatedRoute).snapshot) ?? '';
}

/** The commune of the page (its name for the heading and the way back). */
export function injectCommune(slug: string) {
  const api = inject(CommunesApi);
  return rxResource({ params: () => slug, stream: ({ params }) => api.get(params) });
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
