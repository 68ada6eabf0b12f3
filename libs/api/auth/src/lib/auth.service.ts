import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  AppConfig,
  ConflictError,
  UnauthenticatedError,
  ValidationFailedError,
  hashOpaqueToken,
  hashPassword,
  newOpaqueToken,
  verifyPassword,
} from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import type { Actor } from '@communes/shared-permissions';
import { parseIdentifier, normalizePhone } from './identifier';
import { RefreshTokensRepository, RevokedReason } from './refresh-tokens.repository';
import { UserMembershipRecord, UserRecord, UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface AccessTokenPayload {
  sub: string;
  /** The account's session version when issued ("log out everywhere" moves it on); absent = 0. */
  sv?: number;
}

export interface CurrentUser {
  user: UserRecord;
  memberships: UserMembershipRecord[];
}

// Verified against when the account does not exist, so both cases take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$kahbBTgDKJ9yFIZPcCq4zw$WU1CKTxIj55YYH5JuHai/vvgimIPK5tARreXilPD1JQ';

const INVALID_CREDENTIALS = new UnauthenticatedError(
  'auth.invalid-credentials',
  'The email, phone number or password is not correct.',
);

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async register(input: { email?: string; phone?: string; password: string; displayName: string }): Promise<TokenPair> {
    const email = input.email?.trim().toLowerCase() || null;
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone) {
      throw new ValidationFailedError([{ field: 'phone', messages: ['phone must be a valid phone number, e.g. +229 01 97 00 00 00'] }]);
    }
    const passwordHash = await hashPassword(input.password);
    return this.tx.run({ communeId: null, userId: null, scope: 'self' }, async () => {
      const created = await this.users.create({ email, phone, passwordHash, displayName: input.displayName.trim() });
      if (!created) {
        throw new ConflictError('auth.account-exists', 'An account already uses this email or phone number. Log in instead.');
      }
      return this.issueTokens(created.id, randomUUID(), null);
    });
  }

  /** Used by the local strategy. Unknown account and wrong password answer the same. */
  async validateCredentials(identifier: string, password: string): Promise<UserRecord> {
    const parsed = parseIdentifier(identifier);
    const user = parsed
      ? await this.tx.run({ communeId: null, userId: null, scope: 'self' }, () =>
          parsed.kind === 'email' ? this.users.findByEmail(parsed.value) : this.users.findByPhone(parsed.value),
        )
      : null;
    const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !valid) throw INVALID_CREDENTIALS;
    return user;
  }

  login(userId: string): Promise<TokenPair> {
    return this.tx.run({ communeId: null, userId, scope: 'self' }, () => this.issueTokens(userId, randomUUID(), null));
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it was stolen or
   * replayed: every session of the account is ended (all its refresh tokens revoked, its access
   * tokens refused), since we cannot tell the thief's copy from the owner's.
   *
   * Except within the reuse grace window (REFRESH_REUSE_GRACE_SECONDS): on a slow mobile
   * connection the answer to a refresh is often lost after the server rotated the token, and the
   * phone's next refresh presents the token just rotated. If it is the immediate predecessor of
   * the live token, rotated less than that long ago, the live token is revoked (`superseded`) and
   * a new one issued in its place, as the predecessor's successor: one live token per login
   * remains, and the window stays anchored at the original rotation, however many retries. The
   * superseded token had been handed out; presented later, it is a replay (someone else got the
   * new one), so theft detection holds for it, for older ancestors and outside the window.
   * (Rotating the successor instead, i.e. marking it used, would open a window at each grace
   * rotation: two holders alternating within it would never be detected.)
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = hashOpaqueToken(refreshToken);
    const grace = this.config.REFRESH_REUSE_GRACE_SECONDS;
    const outcome = await this.tx.run({ communeId: null, userId: null, scope: 'self' }, async () => {
      const consumed = await this.refreshTokens.consume(tokenHash);
      if (consumed) return { kind: 'rotated' as const, tokens: await this.issueTokens(consumed.userId, consumed.familyId, consumed.id) };
      const predecessor = grace > 0 ? await this.refreshTokens.supersedeSuccessor(tokenHash, grace) : null;
      if (predecessor) {
        this.logger.log(`Refresh token presented again within ${grace} s of its rotation (lost answer?): its successor superseded, family ${predecessor.familyId}`);
        return { kind: 'rotated' as const, tokens: await this.issueTokens(predecessor.userId, predecessor.familyId, predecessor.id) };
      }
      const known = await this.refreshTokens.findByHash(tokenHash);
      // A token already rotated (outside the grace) is a replay, and so is one superseded within
      // it. One merely revoked (logged out) is not: another tab still holding it after a logout
      // must not end the account's other sessions. The owner's own token, revoked because of a
      // replay, is told why.
      if (known?.usedAt || known?.revokedReason === 'superseded') {
        await this.endAllSessions(known.userId, 'reuse');
        return { kind: 'reused' as const };
      }
      if (known?.revokedReason === 'reuse') return { kind: 'reused' as const };
      return { kind: 'invalid' as const };
    });
    // Thrown after the transaction so that the family's revocation is committed.
    if (outcome.kind === 'reused') {
      throw new UnauthenticatedError(
        'auth.refresh-token-reused',
        'This session was used from somewhere else and has been closed everywhere. Log in again.',
      );
    }
    if (outcome.kind === 'invalid') {
      throw new UnauthenticatedError('auth.invalid-refresh-token', 'Your session has expired. Log in again.');
    }
    return outcome.tokens;
  }

  /** Ends the login the refresh token belongs to (all its rotated tokens). Idempotent. */
  async logout(refreshToken: string): Promise<void> {
    await this.tx.run({ communeId: null, userId: null, scope: 'self' }, async () => {
      const known = await this.refreshTokens.findByHash(hashOpaqueToken(refreshToken));
      if (known) await this.refreshTokens.revokeFamily(known.familyId, 'logout');
    });
  }

  /** "Log out everywhere": ends every session of the account, this one included. */
  logoutEverywhere(userId: string): Promise<void> {
    return this.tx.run({ communeId: null, userId, scope: 'self' }, () => this.endAllSessions(userId, 'logout-everywhere'));
  }

  /**
   * The actor behind an access token, read fresh from the database on every request; null when
   * the account is gone or its sessions were ended after the token was issued.
   */
  async loadActor(userId: string, sessionVersion = 0): Promise<Actor | null> {
    const current = await this.loadCurrentUser(userId);
    if (!current || current.user.sessionVersion !== sessionVersion) return null;
    return {
      userId: current.user.id,
      platformRole: current.user.platformRole,
      memberships: current.memberships.map((m) => ({ communeId: m.communeId, role: m.role })),
    };
  }

  loadCurrentUser(userId: string): Promise<CurrentUser | null> {
    return this.tx.run({ communeId: null, userId, scope: 'self' }, async () => {
      const user = await this.users.findById(userId);
      if (!user) return null;
      return { user, memberships: await this.users.findMemberships(userId) };
    });
  }

  private async endAllSessions(userId: string, reason: RevokedReason): Promise<void> {
    await this.refreshTokens.revokeAllOfUser(userId, reason);
    await this.users.bumpSessionVersion(userId);
  }

  /** A new refresh token in the family (`parentId`: the token whose rotation issues it; null at login) and its access token. */
  private async issueTokens(userId: string, familyId: string, parentId: string | null): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const { sessionVersion } = await this.refreshTokens.insert({ userId, familyId, parentId, tokenHash: hashOpaqueToken(refreshToken), expiresAt });
    const payload: AccessTokenPayload = { sub: userId, sv: sessionVersion };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}
