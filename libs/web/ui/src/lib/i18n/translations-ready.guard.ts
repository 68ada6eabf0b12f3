import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import {
  TRANSLOCO_SCOPE,
  TranslocoService,
  type TranslocoScope,
} from '@jsverse/transloco';
import { catchError, forkJoin, map, type Observable, of } from 'rxjs';

/**
 * Loads the texts of the route's Transloco scopes (its `providers: [xxxI18n]`) in the active
 * language before its pages are created. Put beside those providers:
 *
 *   { path: '', providers: [portalI18n], canActivate: [translationsReady], children: [...] }
 *
 * Why: a page rendered on the server is taken over by the app in the browser (hydration); if
 * the texts were still loading at that moment, every translated text would be emptied, then
 * written again (a page that blinks and jumps). Loaded first, they are there from the start.
 * Never blocks the page: a failed load lets it through (Transloco falls back to French).
 */
export const translationsReady: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  const scopes = inject<TranslocoScope[] | null>(TRANSLOCO_SCOPE, { optional: true }) ?? [];
  const lang = transloco.getActiveLang();
  const loads: Observable<unknown>[] = [];
  for (const scope of scopes) {
    if (typeof scope !== 'object' || !scope || !('scope' in scope) || typeof scope.scope !== 'string') continue;
    const inlineLoader = scope.loader
      ? Object.fromEntries(Object.entries(scope.loader).map(([language, load]) => [`${scope.scope}/${language}`, load]))
      : undefined;
    loads.push(transloco.load(`${scope.scope}/${lang}`, { inlineLoader }));
  }
  if (loads.length === 0) return true;
  return forkJoin(loads).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};
