import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

/**
 * "This browser is signed in": a flag, not a secret. The refresh token itself is an httpOnly
 * cookie that no script can read (an XSS cannot steal the session); the flag lets a start-up know
 * whether a refresh is worth a request, so anonymous readers (most visitors) make none.
 */
export const SIGNED_IN_KEY = 'communes.signed-in';
/**
 * Where the refresh token lived before it moved to the cookie. Removed at start: the API no longer
 * takes a token from anywhere but its cookie, so those users sign in once more.
 */
export const LEGACY_REFRESH_TOKEN_KEY = 'communes.refresh-token';
/** The Web Lock the tabs of this site take turns on to refresh. */
const REFRESH_LOCK = 'communes-refresh';

/**
 * What the tabs share about the session, now that the browser keeps the refresh token:
 * - the signed-in flag in localStorage, whose `storage` events tell the other tabs that this one
 *   signed out (or had its session ended on reuse) and that it signed in;
 * - the lock under which one tab at a time refreshes (see `exclusive`).
 */
@Injectable({ providedIn: 'root' })
export class SessionMarker {
  private readonly window = inject(DOCUMENT).defaultView;

  isSet(): boolean {
    try {
      return this.window?.localStorage.getItem(SIGNED_IN_KEY) === '1';
    } catch {
      return false;
    }
  }

  /** Sets or clears the flag (writing the same value again tells the other tabs nothing). */
  write(signedIn: boolean): void {
    try {
      if (signedIn) this.window?.localStorage.setItem(SIGNED_IN_KEY, '1');
      else this.window?.localStorage.removeItem(SIGNED_IN_KEY);
    } catch {
      // Storage disabled: the session lasts as long as the tab, and the other tabs do not follow.
    }
  }

  /** Drops the refresh token the app kept in localStorage before the cookie, if still there. */
  forgetLegacyToken(): void {
    try {
      this.window?.localStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
    } catch {
      // Storage disabled: nothing was kept there either.
    }
  }

  /** Follows the other tabs: `signedOut` when one clears the flag, `signedIn` when one sets it. */
  onChangedElsewhere(handlers: { signedOut: () => void; signedIn: () => void }): void {
    this.window?.addEventListener('storage', (event) => {
      if (event.key === null) handlers.signedOut(); // localStorage.clear()
      else if (event.key === SIGNED_IN_KEY) (event.newValue === '1' ? handlers.signedIn : handlers.signedOut)();
    });
  }

  /**
   * Runs `task` while no other tab of this site is refreshing. The cookie is shared by the tabs:
   * two refreshing at once would both send the same refresh token, the second would look like a
   * stolen token being replayed, and every session would end. One after the other, the second
   * sends the cookie the first one's rotation left, and both get an access token.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = (this.window?.navigator as Navigator | undefined)?.locks;
    return locks ? locks.request(REFRESH_LOCK, task) : task();
  }
}
