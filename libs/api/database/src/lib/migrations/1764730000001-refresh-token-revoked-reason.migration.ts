import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a refresh token was revoked: a session ended because a stolen token was replayed must
 * still tell its owner so ("closed on every device for your safety") when their own token is
 * refused afterwards, unlike a token that a logout revoked.
 */
export class RefreshTokenRevokedReason1764730000001 implements MigrationInterface {
  name = 'RefreshTokenRevokedReason1764730000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table refresh_tokens add column revoked_reason text
        check (revoked_reason in ('logout', 'reuse', 'logout-everywhere'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table refresh_tokens drop column revoked_reason`);
  }
}
