import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { inject, Injectable, type OnDestroy, PLATFORM_ID } from '@angular/core';

/**
 * "This browser is signed in": a cookie, not a secret (`1`). The refresh token itself is an
 * httpOnly cookie that no script can read (an XSS cannot steal the session); this flag, which the
 * API sets and clears with it (same lifetime), lets a start-up know whether a refresh is worth a
 * request. Read from `document.cookie`, which costs nothing: a page's first localStorage access
 * blocks a phone's main thread for several milliseconds, and anonymous readers (most visitors)
 * must not pay that at start.
 */
export const SIGNED_IN_COOKIE = 'communes.signed-in';
/**
 * What former versions kept in localStorage: the refresh token itself (before the cookie), then a
 * signed-in flag. The tokens live then were revoked at deploy (API migration 1765000000000), so
 * these are worthless strings: removed at sign-in (every holder must sign in again to be signed
 * in), never at start, which would touch localStorage for every reader.
 */
export const LEGACY_STORAGE_KEYS = ['communes.refresh-token', 'communes.signed-in'] as const;
/** The channel on which the tabs of this site tell each other that they signed in or out. */
export const SESSION_CHANNEL = 'communes-session';
export type SessionMessage = 'signed-in' | 'signed-out';
/** The Web Lock the tabs of this site take turns on to refresh. */
const REFRESH_LOCK = 'communes-refresh';

/**
 * What the tabs share about the session, now that the browser keeps the refresh token:
 * - the signed-in flag (a cookie the API sets and clears; cleared here too when the session ends
 *   in this tab, even if the server cannot be told);
 * - a BroadcastChannel on which a tab that signs in or out tells the others;
 * - the lock under which one tab at a time refreshes (see `exclusive`).
 * On the server nothing is signed in: a rendered page is shared by every reader.
 */
@Injectable({ providedIn: 'root' })
export class SessionMarker implements OnDestroy {
  private readonly document = inject(DOCUMENT);
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  private channel: BroadcastChannel | null = null;
  private listening = false;

  isSet(): boolean {
    return this.browser && hasSignedInFlag(this.document.cookie);
  }

  /** Clears the flag in this browser at once (the API clears it too when it is told). */
  clear(): void {
    if (!this.browser || !this.isSet()) return;
    // Same name and path as the API's; Secure on https, where the API set it Secure.
    const secure = this.document.location?.protocol === 'https:' ? '; secure' : '';
    this.document.cookie = `${SIGNED_IN_COOKIE}=; path=/; max-age=0; samesite=strict${secure}`;
  }

  /** Tells the other tabs (not this one). */
  announce(message: SessionMessage): void {
    this.open()?.postMessage(message);
  }

  /** Follows the other tabs: `signedOut` when one signs out (or its session ends), `signedIn` when one signs in. */
  listen(handlers: { signedOut: () => void; signedIn: () => void }): void {
    const channel = this.open();
    if (!channel || this.listening) return;
    this.listening = true;
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === 'signed-out') handlers.signedOut();
      else if (event.data === 'signed-in') handlers.signedIn();
    });
  }

  /** Removes what former versions kept in localStorage (see LEGACY_STORAGE_KEYS). */
  forgetLegacyStorage(): void {
    try {
      for (const key of LEGACY_STORAGE_KEYS) this.document.defaultView?.localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing was kept there either.
    }
  }

  /**
   * Runs `task` while no other tab of this site is refreshing. The cookie is shared by the tabs:
   * two refreshing at once would both send the same refresh token, the second would look like a
   * stolen token being replayed, and every session would end. One after the other, the second
   * sends the cookie the first one's rotation left, and both get an access token.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = (this.document.defaultView?.navigator as Navigator | undefined)?.locks;
    return locks ? locks.request(REFRESH_LOCK, task) : task();
  }

  ngOnDestroy(): void {
    this.channel?.close();
    this.channel = null;
  }

  /**
   * Opened on first use, after start-up (see provideAuth). A browser without BroadcastChannel
   * (Safari before 15.4): the other tabs find out at their next refresh.
   */
  private open(): BroadcastChannel | null {
    const Channel = this.browser ? this.document.defaultView?.BroadcastChannel : undefined;
    if (!Channel) return null;
    this.channel ??= new Channel(SESSION_CHANNEL);
    return this.channel;
  }
}

/** True when a `Cookie` header (or `document.cookie`) carries the signed-in flag. */
export function hasSignedInFlag(cookies: string): boolean {
  return cookies.split(';').some((part) => part.trim() === `${SIGNED_IN_COOKIE}=1`);
}
