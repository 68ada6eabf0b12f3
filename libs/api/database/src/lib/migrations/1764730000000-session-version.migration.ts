import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Log out everywhere": access tokens carry the account's session version and stop being
 * accepted when it moves on (every refresh token of the account is revoked at the same time),
 * so a stolen session ends at once, not when its access token expires.
 */
export class SessionVersion1764730000000 implements MigrationInterface {
  name = 'SessionVersion1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table users add column session_version integer not null default 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table users drop column session_version`);
  }
}
