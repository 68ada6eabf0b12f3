import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import type { Injector } from '@angular/core';
import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';
import {
  authControllerLogin,
  authControllerLogout,
  authControllerRefresh,
  authControllerRegister,
  invitationsControllerAccept,
  meControllerLogoutEverywhere,
  meControllerMe,
  type AcceptedInvitationResponse,
  type MeDto,
  type AccessTokenDto,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';
import type { AuthSession, CurrentUser, SignUpInput } from './auth-session';

export type RefreshOutcome = { kind: 'rotated'; tokens: AccessTokenDto } | { kind: 'rejected'; code: string | null } | { kind: 'unreachable' };

/**
 * What the endpoints that read the refresh cookie are sent: the header the API requires there, so
 * that no other site can forge them (a form cannot add a header; a script of another origin would
 * need a CORS preflight the API never grants), and an empty JSON object (the generated client
 * sends `Content-Type: application/json` anyway, and an empty body with it is a 400).
 */
const FROM_THE_APP = { 'X-Requested-With': 'XMLHttpRequest', body: {} };

/**
 * The auth endpoints on the generated client. The refresh token never passes through here: the
 * API sets it in an httpOnly cookie on login, registration, an accepted invitation and each
 * refresh, and the browser sends it back to /auth/refresh and /auth/logout by itself (same
 * origin: the default credentials mode includes cookies). Loaded lazily by AuthSession: the client's barrel
 * brings every generated operation, which must not weigh on the first page of a visitor who
 * never signs in. Failures are `ApiError`s.
 */
export class AuthClient {
  private readonly http: HttpClient;
  private readonly root: string;

  constructor(injector: Injector) {
    this.http = injector.get(HttpClient);
    this.root = injector.get(API_BASE_URL);
  }

  async login(session: AuthSession, identifier: string, password: string): Promise<CurrentUser> {
    session.adopt(await body(authControllerLogin(this.http, this.root, { body: { identifier, password } })));
    return this.loadUser(session);
  }

  async signUp(session: AuthSession, input: SignUpInput): Promise<CurrentUser> {
    session.adopt(await body(authControllerRegister(this.http, this.root, { body: input })));
    return this.loadUser(session);
  }

  async acceptInvitation(session: AuthSession, token: string, displayName: string, password: string): Promise<{ user: CurrentUser; communeSlug: string }> {
    const accepted: AcceptedInvitationResponse = await body(
      invitationsControllerAccept(this.http, this.root, { token, body: { displayName, password } }),
    );
    // A new account is signed in straight away; an existing one was already (tokens null).
    if (accepted.tokens) session.adopt(accepted.tokens);
    return { user: await this.loadUser(session), communeSlug: accepted.communeSlug };
  }

  /** Reads /me (with the session's bearer, through the interceptor) into the session. */
  async loadUser(session: AuthSession): Promise<CurrentUser> {
    const user = toCurrentUser(await body(meControllerMe(this.http, this.root)));
    session.signedInAs(user);
    return user;
  }

  async refresh(): Promise<RefreshOutcome> {
    try {
      return { kind: 'rotated', tokens: await body(authControllerRefresh(this.http, this.root, FROM_THE_APP)) };
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (status === 401 || status === 400) return { kind: 'rejected', code: (error as { code?: string | null }).code ?? null };
      return { kind: 'unreachable' };
    }
  }

  /** Ends every session of the account on the server (the bearer of this session included). */
  async logoutEverywhere(): Promise<void> {
    await body(meControllerLogoutEverywhere(this.http, this.root));
  }

  async logout(): Promise<void> {
    await body(authControllerLogout(this.http, this.root, FROM_THE_APP)).catch(() => undefined);
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}

function toCurrentUser(me: MeDto): CurrentUser {
  return {
    id: me.id,
    displayName: me.displayName,
    email: me.email,
    phone: me.phone,
    platformRole: (me.platformRole as PlatformRole | null) ?? null,
    memberships: me.memberships.map((m) => ({ ...m, role: m.role as MembershipRole })),
  };
}
