import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reuse grace window (REFRESH_REUSE_GRACE_SECONDS, AuthService.refresh): a phone whose refresh
 * answer was lost presents the token that was just rotated; within the window it gets a new one
 * instead of having every session ended as if the token had been stolen.
 *
 * - `parent_id`: the token a rotation consumed to issue this one. The grace applies only to the
 *   immediate predecessor of the live token, which needs the link (the family alone does not say
 *   which token came from which). Tokens issued before this deploy have none: a lost answer in the
 *   seconds around the deploy still ends in reuse detection, as before.
 * - `superseded`: the live successor the grace replaced with a new token. It was handed out, so
 *   presenting it later means two parties hold the login: it is treated as a replay.
 */
export class RefreshTokenReuseGrace1765100000000 implements MigrationInterface {
  name = 'RefreshTokenReuseGrace1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table refresh_tokens add column parent_id uuid references refresh_tokens (id) on delete set null;
      create index refresh_tokens_parent_idx on refresh_tokens (parent_id) where parent_id is not null;
      alter table refresh_tokens drop constraint refresh_tokens_revoked_reason_check;
      alter table refresh_tokens add constraint refresh_tokens_revoked_reason_check
        check (revoked_reason in ('logout', 'reuse', 'logout-everywhere', 'cookie-migration', 'superseded'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // A superseded token stays refused (as if logged out: the former code knows no better).
    await q.query(`
      update refresh_tokens set revoked_reason = 'logout' where revoked_reason = 'superseded';
      alter table refresh_tokens drop constraint refresh_tokens_revoked_reason_check;
      alter table refresh_tokens add constraint refresh_tokens_revoked_reason_check
        check (revoked_reason in ('logout', 'reuse', 'logout-everywhere', 'cookie-migration'));
      drop index refresh_tokens_parent_idx;
      alter table refresh_tokens drop column parent_id;
    `);
  }
}
