import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { DestroyRef, inject, Injectable, PLATFORM_ID, signal } from '@angular/core';

/**
 * Whether the browser believes it is online, as a signal. `navigator.onLine` can only be trusted
 * when it says "offline" (a captive portal still reads as online); failed requests say the rest.
 */
@Injectable({ providedIn: 'root' })
export class OnlineStatus {
  private readonly online = signal(true);
  readonly isOnline = this.online.asReadonly();

  constructor() {
    const view = inject(DOCUMENT).defaultView;
    // A page rendered on the server is rendered online (the server has no navigator.onLine).
    if (!view || !isPlatformBrowser(inject(PLATFORM_ID))) return;
    this.online.set(view.navigator.onLine);
    const update = () => this.online.set(view.navigator.onLine);
    view.addEventListener('online', update);
    view.addEventListener('offline', update);
    inject(DestroyRef).onDestroy(() => {
      view.removeEventListener('online', update);
      view.removeEventListener('offline', update);
    });
  }
}
