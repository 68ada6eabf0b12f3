import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  PLATFORM_ID,
  provideAppInitializer,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { AuthSession } from './auth-session';

/**
 * Starts restoring the session without holding the first render (public pages need no session;
 * guards wait for it). Add `withInterceptors([authInterceptor])` to `provideHttpClient` too.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const session = inject(AuthSession);
      if (!isPlatformBrowser(inject(PLATFORM_ID))) {
        void session.restore();
        return;
      }
      // In a task of its own, after start-up. Restoring reads the signed-in flag from
      // document.cookie (cheap; never localStorage, whose first access on a page blocks a phone's
      // main thread for several milliseconds) and opens the channel to the other tabs; for a
      // signed-in reader it also loads the session's HTTP client and refreshes. None of it needs
      // to hold the first render. A guard that needs the session earlier starts the restore
      // itself (`whenReady`).
      setTimeout(() => void session.restore());
    }),
  ]);
}
