import { computed, inject, Injectable, Injector, signal } from '@angular/core';
import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';
import type { AccessTokenDto } from '@communes/web-api-client';
import type { AuthClient } from './auth-client';
import { SessionMarker } from './session-marker';

export type SessionStatus = 'unknown' | 'anonymous' | 'signed-in';

/** Why the last session ended without the user asking (shown on the login page). */
export type SessionEndReason = 'expired' | 'reused' | null;

export interface SignUpInput {
  email?: string;
  phone?: string;
  password: string;
  displayName: string;
}

export interface CurrentUser {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  platformRole: PlatformRole | null;
  memberships: { communeId: string; communeSlug: string; communeName: string; role: MembershipRole }[];
}

/**
 * The signed-in user, as signals. The access token is kept in memory only; the refresh token is
 * an httpOnly cookie the API sets, rotates on every refresh and clears, which no script of the
 * page can read: the browser sends it to the auth endpoints (same origin) by itself. A flag cookie
 * the API sets with it (SessionMarker) says whether this browser is signed in, so that a start-up
 * asks for a refresh only then; start-up reads `document.cookie` and nothing else, no
 * localStorage. Sign-in and sign-out reach the other tabs on a BroadcastChannel. When the API says
 * a refresh token was used twice (a copy was stolen, or two tabs raced), it ends every session of
 * the account: this one ends here and, through the channel, in the other tabs.
 *
 * The HTTP calls live in AuthClient, loaded on first use (only type imports here), so the
 * header's account menu and the guards cost the public pages almost nothing. The auth
 * interceptor leaves the `/auth/` endpoints alone, so that it can itself ask for a refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly injector = inject(Injector);
  private readonly marker = inject(SessionMarker);
  private accessToken: string | null = null;
  private pendingRefresh: Promise<string | null> | null = null;
  private ready: Promise<void> | null = null;
  private loadedClient: Promise<AuthClient> | null = null;

  private readonly state = signal<{ status: SessionStatus; user: CurrentUser | null }>({ status: 'unknown', user: null });
  readonly status = computed(() => this.state().status);
  readonly user = computed(() => this.state().user);
  readonly signedIn = computed(() => this.state().status === 'signed-in');
  readonly platformRole = computed(() => this.state().user?.platformRole ?? null);
  readonly memberships = computed(() => this.state().user?.memberships ?? []);
  readonly endReason = signal<SessionEndReason>(null);

  /**
   * At start: when this browser is signed in (the flag), the cookie brings the session back (one
   * refresh, then /me); otherwise no request at all, and no storage read. Starts following the
   * other tabs. Not awaited by the app (public pages render at once); guards wait for it with
   * `whenReady()`.
   */
  restore(): Promise<void> {
    this.ready ??= this.restoreNow();
    return this.ready;
  }

  /** Resolves once the session is known (signed in or anonymous). */
  whenReady(): Promise<void> {
    return this.restore();
  }

  /** The bearer to send now (null when signed out). */
  currentAccessToken(): string | null {
    return this.accessToken;
  }

  login(identifier: string, password: string): Promise<CurrentUser> {
    return this.client().then((c) => c.login(this, identifier, password));
  }

  signUp(input: SignUpInput): Promise<CurrentUser> {
    return this.client().then((c) => c.signUp(this, input));
  }

  /** Accepts an invitation to a commune (creating the account if needed) and signs in. */
  acceptInvitation(token: string, displayName: string, password: string): Promise<{ user: CurrentUser; communeSlug: string }> {
    return this.client().then((c) => c.acceptInvitation(this, token, displayName, password));
  }

  /**
   * A new access token from the refresh cookie (rotated). Concurrent callers share one request;
   * tabs take turns. Resolves null when the session is over (or the server is unreachable).
   */
  refresh(): Promise<string | null> {
    this.pendingRefresh ??= this.marker
      .exclusive(() => this.rotate())
      .finally(() => (this.pendingRefresh = null));
    return this.pendingRefresh;
  }

  /** Signs out here and in the other tabs, and revokes this login's tokens on the server (which clears both cookies). */
  async logout(): Promise<void> {
    this.end(null);
    await (await this.client()).logout();
  }

  /**
   * Ends every session of the account (phones, other computers, and this one). Throws when the
   * server could not be reached: then nothing is ended, and the user is told.
   */
  async logoutEverywhere(): Promise<void> {
    await (await this.client()).logoutEverywhere();
    this.end(null);
  }

  /** True when the user may enter a commune's console (with one of `roles`, any role if empty). */
  hasMembership(communeSlug: string, roles: readonly MembershipRole[] = []): boolean {
    return this.memberships().some((m) => m.communeSlug === communeSlug && (roles.length === 0 || roles.includes(m.role)));
  }

  private async restoreNow(): Promise<void> {
    // Following another tab's sign-out must not make this one announce it back.
    this.marker.listen({ signedOut: () => this.end(null, false), signedIn: () => this.followSignIn() });
    if (!this.marker.isSet()) {
      this.state.set({ status: 'anonymous', user: null });
      return;
    }
    const token = await this.refresh();
    if (token) await this.client().then((c) => c.loadUser(this)).catch(() => this.end(null));
    else if (this.state().status === 'unknown') this.state.set({ status: 'anonymous', user: null });
  }

  private async rotate(): Promise<string | null> {
    // Read inside the lock: another tab may have signed out meanwhile (and the cookie is gone).
    if (!this.marker.isSet()) {
      this.end(null);
      return null;
    }
    const outcome = await (await this.client()).refresh();
    if (outcome.kind === 'rotated') {
      this.accessToken = outcome.tokens.accessToken;
      return outcome.tokens.accessToken;
    }
    if (outcome.kind === 'rejected') this.end(outcome.code === 'auth.refresh-token-reused' ? 'reused' : 'expired');
    // Unreachable: the cookie stays for later, no access now.
    return null;
  }

  /** Another tab signed in: so is this one, with its own access token from the shared cookie. */
  private followSignIn(): void {
    if (this.state().status !== 'anonymous') return;
    void this.refresh()
      .then((token) => (token ? this.client().then((c) => c.loadUser(this)) : undefined))
      .then(() => this.endReason.set(null))
      .catch(() => undefined);
  }

  /** For AuthClient: the access token of a login (or an accepted invitation); the cookies came with it. */
  adopt(tokens: Pick<AccessTokenDto, 'accessToken'>): void {
    this.accessToken = tokens.accessToken;
    this.endReason.set(null);
    this.marker.announce('signed-in');
    // A sign-in already waits on the network: the moment to drop what former versions kept in
    // localStorage (see LEGACY_STORAGE_KEYS), without costing anyone's start-up.
    this.marker.forgetLegacyStorage();
  }

  /** For AuthClient: the signed-in user, once read from /me. */
  signedInAs(user: CurrentUser): void {
    this.state.set({ status: 'signed-in', user });
  }

  /** Ends the session in this tab and, unless it is following another tab, tells the others. */
  private end(reason: SessionEndReason, announce = true): void {
    this.accessToken = null;
    this.marker.clear();
    this.state.set({ status: 'anonymous', user: null });
    if (reason) this.endReason.set(reason);
    if (announce) this.marker.announce('signed-out');
  }

  private client(): Promise<AuthClient> {
    this.loadedClient ??= import('./auth-client').then((m) => new m.AuthClient(this.injector));
    return this.loadedClient;
  }
}
