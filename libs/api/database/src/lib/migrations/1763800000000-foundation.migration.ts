import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: communes (the tenant registry), accounts, memberships, invitations, audit.
 *
 * RLS rules of the house (DESIGN.md "Tenancy: two locks"):
 * - every table with `commune_id` has RLS enabled and FORCED (the owner obeys it too);
 * - policies read the transaction-local settings through `app_current_*()` wrapped in
 *   `(select …)` so they are evaluated once per statement, and `nullif(…, '')` makes an unset
 *   setting mean "no commune" (no rows) instead of an error or everything;
 * - scopes: `public` (published content only), `staff` (a member working in their commune),
 *   `platform` (ANCB managing a commune), `observer` (ministry, read-only), `self` (own rows).
 * The app connects as `communes_app`, which owns nothing and cannot bypass RLS.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function app_current_commune_id() returns uuid
        language sql stable as $$ select nullif(current_setting('app.commune_id', true), '')::uuid $$;
      create or replace function app_current_user_id() returns uuid
        language sql stable as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
      create or replace function app_current_scope() returns text
        language sql stable as $$ select nullif(current_setting('app.scope', true), '') $$;
      create or replace function app_current_invitation_token_hash() returns text
        language sql stable as $$ select nullif(current_setting('app.invitation_token_hash', true), '') $$;
    `);

    await q.query(`
      create type commune_status as enum ('not_onboarded', 'onboarding', 'active', 'suspended');
      create table communes (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text not null check (length(name) between 1 and 120),
        department text not null check (length(department) between 1 and 120),
        country char(2) not null default 'BJ',
        status commune_status not null default 'not_onboarded',
        is_pilot boolean not null default false,
        population integer check (population >= 0),
        onboarding_started_at timestamptz,
        activated_at timestamptz,
        suspended_at timestamptz,
        suspension_reason text,
        focal_point_named_at timestamptz,
        staff_trained_at timestamptz,
        first_documents_published_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index communes_department_name_idx on communes (department, name);
      create index communes_status_idx on communes (status);

      -- The registry is public; only ANCB (platform scope) creates communes or changes them,
      -- and a commune's own staff may update their commune's row (settings, branding).
      alter table communes enable row level security;
      alter table communes force row level security;
      create policy communes_read on communes for select using (true);
      create policy communes_platform_insert on communes for insert
        with check ((select app_current_scope()) = 'platform');
      create policy communes_platform_update on communes for update
        using ((select app_current_scope()) = 'platform')
        with check ((select app_current_scope()) = 'platform');
      create policy communes_staff_update on communes for update
        using (id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
    `);

    await q.query(`
      create extension if not exists citext;
      create type platform_role as enum ('platform_admin', 'ministry_observer');
      create table users (
        id uuid primary key default gen_random_uuid(),
        email citext unique,
        phone text unique check (phone ~ '^\\+[1-9][0-9]{7,14}$'),
        password_hash text not null,
        display_name text not null check (length(display_name) between 1 and 120),
        platform_role platform_role,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (email is not null or phone is not null)
      );

      create table refresh_tokens (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        family_id uuid not null,
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index refresh_tokens_family_idx on refresh_tokens (family_id);
      create index refresh_tokens_user_idx on refresh_tokens (user_id);
    `);

    await q.query(`
      create type membership_role as enum ('admin', 'editor', 'moderator');
      create table memberships (
        commune_id uuid not null references communes (id),
        user_id uuid not null references users (id) on delete cascade,
        role membership_role not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, user_id)
      );
      create index memberships_user_idx on memberships (user_id);
      alter table memberships enable row level security;
      alter table memberships force row level security;
      create policy memberships_read on memberships for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform', 'observer'));
      create policy memberships_read_own on memberships for select
        using (user_id = (select app_current_user_id()));
      create policy memberships_write on memberships for all
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform'))
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform'));

      create table invitations (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        email citext not null,
        role membership_role not null,
        token_hash text not null unique,
        invited_by uuid references users (id) on delete set null,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        accepted_by uuid references users (id) on delete set null,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (commune_id, id)
      );
      create index invitations_commune_created_idx on invitations (commune_id, created_at desc);
      alter table invitations enable row level security;
      alter table invitations force row level security;
      create policy invitations_read on invitations for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform', 'observer'));
      create policy invitations_write on invitations for all
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform'))
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform'));
      -- Whoever holds the token (only its hash is stored) may read and accept that one invitation.
      create policy invitations_by_token_read on invitations for select
        using (token_hash = (select app_current_invitation_token_hash()));
      create policy invitations_by_token_accept on invitations for update
        using (token_hash = (select app_current_invitation_token_hash()))
        with check (token_hash = (select app_current_invitation_token_hash()));

      -- Accepting an invitation: the invitee (app.user_id) may add themself, with the invited
      -- role, while holding the token of an open invitation of that commune.
      create policy memberships_insert_by_invitation on memberships for insert
        with check (
          user_id = (select app_current_user_id())
          and exists (
            select 1 from invitations i
            where i.commune_id = memberships.commune_id
              and i.role = memberships.role
              and i.token_hash = (select app_current_invitation_token_hash())
              and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()));
    `);

    await q.query(`
      create table audit_events (
        commune_id uuid not null references communes (id),
        id bigint generated always as identity,
        actor_user_id uuid references users (id) on delete set null,
        actor_role text not null,
        action text not null,
        target_type text not null,
        target_id text,
        details jsonb not null default '{}'::jsonb,
        request_id text,
        occurred_at timestamptz not null default now(),
        primary key (commune_id, id)
      );
      create index audit_events_commune_time_idx on audit_events (commune_id, occurred_at desc);
      alter table audit_events enable row level security;
      alter table audit_events force row level security;
      create policy audit_events_read on audit_events for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform', 'observer'));
      -- A membership accepted through an invitation is audited in the invitation's commune.
      create policy audit_events_insert on audit_events for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('staff', 'platform', 'self'));

      -- Append-only, even for the owner: no policy allows update/delete, privileges are not
      -- granted, and this trigger refuses them outright.
      create or replace function audit_events_append_only() returns trigger
        language plpgsql as $$ begin raise exception 'audit_events is append-only'; end $$;
      create trigger audit_events_no_update before update or delete on audit_events
        for each row execute function audit_events_append_only();
      create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_append_only();
    `);

    await q.query(`
      grant usage on schema public to communes_app;
      grant select, insert, update on communes to communes_app;
      grant select, insert, update, delete on users, refresh_tokens, memberships, invitations to communes_app;
      grant select, insert on audit_events to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists audit_events, invitations, memberships, refresh_tokens, users, communes cascade;
      drop function if exists audit_events_append_only();
      drop type if exists membership_role, platform_role, commune_status;
      drop function if exists app_current_commune_id(), app_current_user_id(), app_current_scope(),
        app_current_invitation_token_hash();
    `);
  }
}
