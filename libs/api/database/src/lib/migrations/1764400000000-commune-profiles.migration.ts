import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A commune's public presentation (colours, logo, short text, mayor, contact) and the
 * cross-commune `monitoring` scope.
 *
 * - `commune_profiles` is public like the registry it extends (every visitor reads every
 *   commune's page). It is written by the commune's staff (CASL narrows it to admins) and by ANCB
 *   (`platform`) only while the commune is being onboarded: after that, it is the commune's.
 * - `monitoring` reads published documents and contracts of every commune at once, so that the
 *   ministry's figures are one query over all communes instead of one transaction per commune.
 *   It sees exactly what any visitor can see commune by commune (state = 'published'), nothing
 *   else: no drafts, no import previews, no personal data.
 * - Adoption per month counts `onboarding_started_at`: communes that were onboarded before that
 *   column was filled (none should be, but a hand-made row could) get their activation or
 *   creation date instead.
 */
export class CommuneProfiles1764400000000 implements MigrationInterface {
  name = 'CommuneProfiles1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table commune_profiles (
        commune_id uuid primary key references communes (id),
        primary_color char(7) check (primary_color ~ '^#[0-9a-f]{6}$'),
        secondary_color char(7) check (secondary_color ~ '^#[0-9a-f]{6}$'),
        presentation text check (length(presentation) between 1 and 1500),
        mayor_name text check (length(mayor_name) between 1 and 120),
        contact_email text check (length(contact_email) between 3 and 254),
        contact_phone text check (contact_phone ~ '^\\+[1-9][0-9]{7,14}$'),
        address text check (length(address) between 1 and 300),
        website text check (length(website) between 1 and 300 and website ~ '^https?://'),
        logo_object_key text,
        logo_media_type text check (logo_media_type in ('image/png', 'image/jpeg', 'image/webp')),
        logo_size_bytes integer check (logo_size_bytes between 1 and 1048576),
        logo_sha256 char(64) check (logo_sha256 ~ '^[0-9a-f]{64}$'),
        logo_updated_at timestamptz,
        updated_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((logo_object_key is null) = (logo_sha256 is null)
               and (logo_object_key is null) = (logo_media_type is null)
               and (logo_object_key is null) = (logo_size_bytes is null))
      );

      alter table commune_profiles enable row level security;
      alter table commune_profiles force row level security;
      create policy commune_profiles_read on commune_profiles for select using (true);
      create policy commune_profiles_staff_write on commune_profiles for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy commune_profiles_staff_update on commune_profiles for update
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy commune_profiles_onboarding_write on commune_profiles for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform'
                    and exists (select 1 from communes c where c.id = commune_profiles.commune_id and c.status = 'onboarding'));
      create policy commune_profiles_onboarding_update on commune_profiles for update
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform'
               and exists (select 1 from communes c where c.id = commune_profiles.commune_id and c.status = 'onboarding'))
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform');

      grant select, insert, update on commune_profiles to communes_app;
    `);

    await q.query(`
      create policy documents_monitoring_read on documents for select
        using ((select app_current_scope()) = 'monitoring' and state = 'published');
      create policy contracts_monitoring_read on contracts for select
        using ((select app_current_scope()) = 'monitoring' and state = 'published');
      -- The monitoring figures group published rows by commune: these keep that an index scan.
      create index documents_published_category_year_idx on documents (commune_id, category, fiscal_year)
        include (published_at) where state = 'published';
    `);

    // RLS is forced on communes for the owner too: the backfill runs in the platform scope, in
    // one statement so that the transaction-local setting holds whatever the migration mode.
    await q.query(`
      do $$
      begin
        perform set_config('app.scope', 'platform', true);
        update communes set onboarding_started_at = coalesce(activated_at, created_at)
          where status <> 'not_onboarded' and onboarding_started_at is null;
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists documents_published_category_year_idx;
      drop policy if exists contracts_monitoring_read on contracts;
      drop policy if exists documents_monitoring_read on documents;
      drop table if exists commune_profiles;
    `);
  }
}
