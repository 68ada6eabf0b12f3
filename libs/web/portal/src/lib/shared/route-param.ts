import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap } from '@angular/router';
import { combineLatest, map } from 'rxjs';

/**
 * A route parameter as a signal, looked up on this route and its parents (the commune's slug is
 * on the parent of every commune section). Call in an injection context.
 */
export function routeParam(name: string) {
  const route = inject(ActivatedRoute);
  const maps = route.pathFromRoot.map((r) => r.paramMap);
  return toSignal(
    combineLatest(maps).pipe(map((all) => lastValue(all, name))),
    {
      initialValue: lastValue(
        route.pathFromRoot.map((r) => r.snapshot.paramMap),
        name,
      ),
    },
  );
}

function lastValue(maps: ParamMap[], name: string): string {
  for (let i = maps.length - 1; i >= 0; i--) {
    const value = maps[i].get(name);
    if (value !== null) {
      return value;
    }
  }
  return '';
}
