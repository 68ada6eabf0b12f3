import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthSession } from './auth-session';

/**
 * Starts restoring the session at start without holding the first render (public pages need no
 * session; guards wait for it). Add `withInterceptors([authInterceptor])` to `provideHttpClient` too.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthSession).restore();
    }),
  ]);
}
