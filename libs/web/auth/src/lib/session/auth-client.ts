import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import type { Injector } from '@angular/core';
import {
  authControllerLogin,
  authControllerLogout,
  authControllerRefresh,
  authControllerRegister,
  invitationsControllerAccept,
  meControllerMe,
  type AcceptedInvitationResponse,
  type MeDto,
  type TokenPairDto,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export type RefreshOutcome = { kind: 'rotated'; tokens: TokenPairDto } | { kind: 'rejected'; code: string | null } | { kind: 'unreachable' };

/**
 * The auth endpoints on the generated client. Loaded lazily by AuthSession: the client's barrel
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

  login(identifier: string, password: string): Promise<TokenPairDto> {
    return body(authControllerLogin(this.http, this.root, { body: { identifier, password } }));
  }

  register(input: { email?: string; phone?: string; password: string; displayName: string }): Promise<TokenPairDto> {
    return body(authControllerRegister(this.http, this.root, { body: input }));
  }

  acceptInvitation(token: string, displayName: string, password: string): Promise<AcceptedInvitationResponse> {
    return body(invitationsControllerAccept(this.http, this.root, { token, body: { displayName, password } }));
  }

  me(): Promise<MeDto> {
    return body(meControllerMe(this.http, this.root));
  }

  async refresh(refreshToken: string): Promise<RefreshOutcome> {
    try {
      return { kind: 'rotated', tokens: await body(authControllerRefresh(this.http, this.root, { body: { refreshToken } })) };
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (status === 401 || status === 400) return { kind: 'rejected', code: (error as { code?: string | null }).code ?? null };
      return { kind: 'unreachable' };
    }
  }

  async logout(refreshToken: string): Promise<void> {
    await body(authControllerLogout(this.http, this.root, { body: { refreshToken } })).catch(() => undefined);
  }
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
