import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { authI18n } from '../auth.i18n';
import { AuthSession } from './auth-session';

/**
 * Starts restoring the session at start without holding the first render (public pages need no
 * session; guards wait for it). Add `withInterceptors([authInterceptor])` to `provideHttpClient` too.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    // The account menu sits in the app's header, outside any route: its texts at the root.
    authI18n,
    provideAppInitializer(() => {
      void inject(AuthSession).restore();
    }),
  ]);
}
