import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The refresh token moved from the web app's localStorage (readable by any script of the page)
 * to an httpOnly cookie. A token an older version left in localStorage, or that an XSS copied from
 * there, would still be accepted if sent as the cookie: every token still live at deploy is
 * revoked, so that only tokens issued into the cookie remain. Everyone signs in once more.
 *
 * The reason `cookie-migration` is told apart from `reuse`: a revoked token presented later is
 * "expired, log in again" (AuthService.refresh), never "closed everywhere for your safety", and
 * ends no other session. Tokens already used (rotated) keep `revoked_at` null: presenting one is a
 * replay, as before.
 */
export class RevokePreCookieRefreshTokens1765000000000 implements MigrationInterface {
  name = 'RevokePreCookieRefreshTokens1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table refresh_tokens drop constraint refresh_tokens_revoked_reason_check;
      alter table refresh_tokens add constraint refresh_tokens_revoked_reason_check
        check (revoked_reason in ('logout', 'reuse', 'logout-everywhere', 'cookie-migration'));
    `);
    await q.query(`
      update refresh_tokens set revoked_at = now(), revoked_reason = 'cookie-migration'
      where revoked_at is null and used_at is null and expires_at > now()
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The tokens stay revoked (bringing back tokens that may have leaked is not undone by a
    // rollback), under the closest former reason.
    await q.query(`
      update refresh_tokens set revoked_reason = 'logout' where revoked_reason = 'cookie-migration';
      alter table refresh_tokens drop constraint refresh_tokens_revoked_reason_check;
      alter table refresh_tokens add constraint refresh_tokens_revoked_reason_check
        check (revoked_reason in ('logout', 'reuse', 'logout-everywhere'));
    `);
  }
}
