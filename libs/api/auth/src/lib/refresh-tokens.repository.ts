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
 * Why a token was revoked (migrations 1764730000001, 1765000000000 and 1765100000000).
 * `cookie-migration`: live when the refresh token moved to its cookie, revoked at that deploy
 * (written by the migration only). `superseded`: the live token that a refresh within the reuse
 * grace window replaced (see supersedeSuccessor); presenting it is a replay.
 */
export type RevokedReason = 'logout' | 'reuse' | 'logout-everywhere' | 'cookie-migration' | 'superseded';

/** A token a rotation consumed: the new token is its successor in the same family. */
export interface ConsumedToken {
  id: string;
  userId: string;
  familyId: string;
}

/**
 * Refresh tokens are stored as SHA-256 hashes, grouped in families (one per login), each linked to
 * the token whose rotation issued it (`parent_id`). A family has at most one live token (not used,
 * not revoked, not expired): every statement that issues one first ends the previous one, under its
 * row lock.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * Stores a token and returns its account's session version, read by the same statement, for
   * the access token issued with it (no second query on every login and refresh).
   */
  async insert(input: { userId: string; familyId: string; parentId: string | null; tokenHash: string; expiresAt: Date }): Promise<{ sessionVersion: number }> {
    const [row] = await this.tx.query<{ sessionVersion: number }>(
      `insert into refresh_tokens (user_id, family_id, parent_id, token_hash, expires_at) values ($1, $2, $3, $4, $5)
       returning (select session_version from users where id = $1) as "sessionVersion"`,
      [input.userId, input.familyId, input.parentId, input.tokenHash, input.expiresAt],
    );
    return row;
  }

  /** Marks a live token used, atomically: of two concurrent refreshes only one wins. */
  async consume(tokenHash: string): Promise<ConsumedToken | null> {
    const rows = await this.tx.query<ConsumedToken>(
      `update refresh_tokens set used_at = now()
       where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
       returning id, user_id as "userId", family_id as "familyId"`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /**
   * The reuse grace window: when the presented token is the immediate predecessor of its family's
   * live token (rotated less than `graceSeconds` ago, and the token that rotation issued still
   * live: neither used nor revoked nor expired), that successor is revoked as `superseded` and the
   * predecessor is returned, for the caller to issue its new successor in the same transaction.
   * Anything else (an older ancestor, a successor already used or revoked, outside the window)
   * returns null and stays a replay.
   *
   * Two statements, on purpose: the predecessor's row is locked first (`for update`), so two
   * refreshes presenting it run one after the other; the second statement then starts after the
   * lock is granted and so sees what the first committed (READ COMMITTED takes a snapshot per
   * statement), i.e. the successor the first one issued, which it supersedes in turn: one live
   * token whatever the interleaving. Against a normal rotation of the successor (which locks the
   * successor's row, not this one), the UPDATE below and `consume` both require the successor
   * unused and unrevoked under its row lock, so exactly one of them wins.
   */
  async supersedeSuccessor(tokenHash: string, graceSeconds: number): Promise<ConsumedToken | null> {
    const [predecessor] = await this.tx.query<ConsumedToken>(
      `select id, user_id as "userId", family_id as "familyId" from refresh_tokens
       where token_hash = $1 and used_at > now() - make_interval(secs => $2) and revoked_at is null
       for update`,
      [tokenHash, graceSeconds],
    );
    if (!predecessor) return null;
    const superseded = await this.tx.query(
      `update refresh_tokens set revoked_at = now(), revoked_reason = 'superseded'
       where parent_id = $1 and used_at is null and revoked_at is null and expires_at > now()
       returning id`,
      [predecessor.id],
    );
    return superseded.length > 0 ? predecessor : null;
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
