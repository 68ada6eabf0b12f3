import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logos go through upload intents like every other object (migration 1764260000000): the key is
 * recorded before the object is written and forgotten with the commune's logo change, and a
 * replaced logo's key is recorded again until its object is gone. A commune's admins do it in
 * the staff scope, which `upload_intents_staff` already allows; ANCB presents a commune it is
 * onboarding in the platform scope, allowed here for that commune's branding keys only.
 *
 * - A new intent needs the commune to be onboarding, like the logo change itself
 *   (`commune_profiles_onboarding_*`); reading and forgetting its own intents does not, so an
 *   upload that ends as the commune goes live still cleans up after itself.
 */
export class LogoUploadIntents1764800000000 implements MigrationInterface {
  name = 'LogoUploadIntents1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create policy upload_intents_onboarding_branding on upload_intents for all
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'platform'
               and object_key like 'communes/' || commune_id::text || '/branding/%')
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'platform'
               and object_key like 'communes/' || commune_id::text || '/branding/%'
               and exists (select 1 from communes c where c.id = upload_intents.commune_id and c.status = 'onboarding'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop policy if exists upload_intents_onboarding_branding on upload_intents');
  }
}
