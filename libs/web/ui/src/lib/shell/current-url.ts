import { Location } from '@angular/common';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map } from 'rxjs';

/**
 * The app's URL as a signal, for links marked current without `routerLinkActive` (see
 * `AppLinks`): the address being rendered from the first render (on the server too), then that of
 * each navigation once it has ended. Call it in an injection context (a field initializer).
 */
export function injectCurrentUrl(): Signal<string> {
  return toSignal(
    inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: inject(Location).path() },
  );
}
