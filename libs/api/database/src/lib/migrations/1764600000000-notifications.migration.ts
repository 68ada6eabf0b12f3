import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications (issue 5): citizens follow communes; events write emails to an outbox in
 * the same transaction; a worker sends them.
 *
 * Privacy, enforced here and not only in the service:
 * - `commune_follows` and `notification_preferences` are readable and writable in the `self`
 *   scope only, by their own account. Staff, ANCB and the ministry never see who follows.
 * - Events (publish, answer, open) run in the staff scope and do not read the followers: they
 *   call `notification_enqueue()`, which switches to the `notifier` scope for its one insert
 *   (the only scope that reads followers) and switches back, returning a count only.
 * - `notification_outbox` is read and updated in the `mailer` scope only (the sending worker
 *   and ANCB's list of failed deliveries); nobody deletes from it.
 */
export class Notifications1764600000000 implements MigrationInterface {
  name = 'Notifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification_preferences (
        user_id uuid primary key references users (id) on delete cascade,
        language text not null default 'fr' check (language in ('fr', 'en')),
        emails_enabled boolean not null default true,
        updated_at timestamptz not null default now()
      );
      alter table notification_preferences enable row level security;
      alter table notification_preferences force row level security;
      create policy notification_preferences_self on notification_preferences for all
        using (user_id = (select app_current_user_id()) and (select app_current_scope()) = 'self')
        with check (user_id = (select app_current_user_id()) and (select app_current_scope()) = 'self');
      create policy notification_preferences_notifier on notification_preferences for select
        using ((select app_current_scope()) = 'notifier');

      create table commune_follows (
        commune_id uuid not null references communes (id),
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (commune_id, user_id)
      );
      create index commune_follows_user_idx on commune_follows (user_id);
      alter table commune_follows enable row level security;
      alter table commune_follows force row level security;
      create policy commune_follows_self on commune_follows for all
        using (user_id = (select app_current_user_id()) and (select app_current_scope()) = 'self')
        with check (user_id = (select app_current_user_id()) and (select app_current_scope()) = 'self');
      create policy commune_follows_notifier on commune_follows for select
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'notifier');

      create table notification_outbox (
        commune_id uuid not null references communes (id),
        id bigint generated always as identity,
        recipient_user_id uuid not null references users (id) on delete cascade,
        recipient_email citext not null,
        template text not null check (template ~ '^[a-z_]+\\.[a-z_]+$'),
        params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object'),
        language text not null check (language in ('fr', 'en')),
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz not null default now(),
        last_error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (commune_id, id),
        check ((status = 'sent') = (sent_at is not null))
      );
      create index notification_outbox_due_idx on notification_outbox (next_attempt_at, id) where status = 'pending';
      create index notification_outbox_failed_idx on notification_outbox (created_at desc) where status = 'failed';
      alter table notification_outbox enable row level security;
      alter table notification_outbox force row level security;
      create policy notification_outbox_notifier_insert on notification_outbox for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'notifier');
      create policy notification_outbox_mailer on notification_outbox for all
        using ((select app_current_scope()) = 'mailer')
        with check ((select app_current_scope()) = 'mailer');

      -- Queues one email per recipient for the transaction's commune: to one account
      -- (p_user_id, e.g. the author of answered feedback) or to every follower (p_user_id null).
      -- Accounts without an email address or that turned emails off get nothing. Called by the
      -- event's own transaction (staff or platform scope); returns how many were queued.
      create or replace function notification_enqueue(p_template text, p_params jsonb, p_user_id uuid default null)
        returns integer language plpgsql volatile as $$
      declare
        caller_scope text := app_current_scope();
        commune uuid := app_current_commune_id();
        queued integer;
      begin
        if commune is null or caller_scope is null or caller_scope not in ('staff', 'platform', 'public') then
          raise exception 'notification_enqueue needs a commune and the staff, platform or public scope (got %)', caller_scope;
        end if;
        perform set_config('app.scope', 'notifier', true);
        if p_user_id is null then
          insert into notification_outbox (commune_id, recipient_user_id, recipient_email, template, params, language)
          select commune, u.id, u.email, p_template, p_params, coalesce(p.language, 'fr')
          from commune_follows f
          join users u on u.id = f.user_id
          left join notification_preferences p on p.user_id = u.id
          where f.commune_id = commune and u.email is not null and coalesce(p.emails_enabled, true);
        else
          insert into notification_outbox (commune_id, recipient_user_id, recipient_email, template, params, language)
          select commune, u.id, u.email, p_template, p_params, coalesce(p.language, 'fr')
          from users u
          left join notification_preferences p on p.user_id = u.id
          where u.id = p_user_id and u.email is not null and coalesce(p.emails_enabled, true);
        end if;
        get diagnostics queued = row_count;
        perform set_config('app.scope', caller_scope, true);
        return queued;
      end $$;

      grant select, insert, update, delete on notification_preferences to communes_app;
      grant select, insert, delete on commune_follows to communes_app;
      grant select, insert, update on notification_outbox to communes_app;
      grant execute on function notification_enqueue(text, jsonb, uuid) to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists notification_enqueue(text, jsonb, uuid);
      drop table if exists notification_outbox, commune_follows, notification_preferences;
    `);
  }
}
