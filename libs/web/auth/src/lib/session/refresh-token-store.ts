import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

export const REFRESH_TOKEN_KEY = 'communes.refresh-token';

/**
 * Where the refresh token lives between visits. The API returns it in the body (no cookie), so
 * localStorage is the only place that survives a reload; the access token stays in memory only.
 * localStorage is shared by the tabs: a tab that signs out (or whose session is ended on reuse)
 * removes it, and the others follow through the `storage` event.
 */
@Injectable({ providedIn: 'root' })
export class RefreshTokenStore {
  private readonly window = inject(DOCUMENT).defaultView;

  read(): string | null {
    try {
      return this.window?.localStorage.getItem(REFRESH_TOKEN_KEY) ?? null;
    } catch {
      return null;
    }
  }

  write(token: string | null): void {
    try {
      if (token) this.window?.localStorage.setItem(REFRESH_TOKEN_KEY, token);
      else this.window?.localStorage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // Storage disabled: the session lasts as long as the tab.
    }
  }

  /** Calls `onRemoved` when another tab removes the token (signed out, or session ended). */
  onRemovedElsewhere(onRemoved: () => void): void {
    this.window?.addEventListener('storage', (event) => {
      if (event.key === REFRESH_TOKEN_KEY && event.newValue === null) onRemoved();
      if (event.key === null) onRemoved(); // localStorage.clear()
    });
  }

  /**
   * Runs `task` while no other tab of this site is refreshing: two tabs presenting the same
   * refresh token would look like a stolen token being replayed, and end the session.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = (this.window?.navigator as Navigator | undefined)?.locks;
    return locks ? locks.request('communes-refresh', task) : task();
  }
}
