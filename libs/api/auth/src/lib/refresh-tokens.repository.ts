import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface RefreshTokenRecord {
  userId: string;
  familyId: string;
  usedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: RevokedReason | null;
  expiresAt: Date;
}

/**
 * Why a token was revoked (migrations 1764730000001 and 1765000000000). `cookie-migration`: live
 * when the refresh token moved to its cookie, revoked at that deploy (written by the migration only).
 */
export type RevokedReason = 'logout' | 'reuse' | 'logout-everywhere' | 'cookie-migration';

/** Refresh tokens are stored as SHA-256 hashes, grouped in families (one per login). */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * Stores a token and returns its account's session version, read by the same statement, for
   * the access token issued with it (no second query on every login and refresh).
   */
  async insert(input: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<{ sessionVersion: number }> {
    const [row] = await this.tx.query<{ sessionVersion: number }>(
      `insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values ($1, $2, $3, $4)
       returning (select session_version from users where id = $1) as "sessionVersion"`,
      [input.userId, input.familyId, input.tokenHash, input.expiresAt],
    );
    return row;
  }

  /** Marks a live token used, atomically: of two concurrent refreshes only one wins. */
  async consume(tokenHash: string): Promise<{ userId: string; familyId: string } | null> {
    const rows = await this.tx.query<{ userId: string; familyId: string }>(
      `update refresh_tokens set used_at = now()
       where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
       returning user_id as "userId", family_id as "familyId"`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const rows = await this.tx.query<RefreshTokenRecord>(
      `select user_id as "userId", family_id as "familyId", used_at as "usedAt", revoked_at as "revokedAt", revoked_reason as "revokedReason",
              expires_at as "expiresAt"
       from refresh_tokens where token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async revokeFamily(familyId: string, reason: RevokedReason): Promise<number> {
    const rows = await this.tx.query(
      `update refresh_tokens set revoked_at = now(), revoked_reason = $2 where family_id = $1 and revoked_at is null returning id`,
      [familyId, reason],
    );
    return rows.length;
  }

  async revokeAllOfUser(userId: string, reason: RevokedReason): Promise<number> {
    const rows = await this.tx.query(
      `update refresh_tokens set revoked_at = now(), revoked_reason = $2 where user_id = $1 and revoked_at is null returning id`,
      [userId, reason],
    );
    return rows.length;
  }
}
