import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation of citizen content (issue 5).
 *
 * - `moderation_reports`: anyone (signed in or not) reports a content they can read, in the
 *   public scope, as themselves (`reporter_id` is the caller or null, never someone else);
 *   the commune's staff read every report, an account its own ones (nobody is told who else
 *   reported).
 *   One open report per account and content (partial unique index); anonymous reports are
 *   limited by the participation rate limit instead.
 *   The content is named by kind and id, without a foreign key: each feature owns its table and
 *   describes its content to moderation through a port (libs/api/moderation).
 * - feedback can now be hidden like debate comments and session questions: the row stays (its
 *   author still reads it, with the reason), public lists, search and supports leave it out.
 * - an anonymous report is audited: a narrow insert policy for that one action, since the
 *   citizen insert policy needs an account.
 */
export class Moderation1764700000000 implements MigrationInterface {
  name = 'Moderation1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table feedback
        add column hidden_at timestamptz,
        add column hidden_reason text,
        add column hidden_by uuid references users (id) on delete set null,
        add constraint feedback_hidden_reason_check check ((hidden_at is null) = (hidden_reason is null)),
        add constraint feedback_hidden_reason_length_check check (hidden_reason is null or length(hidden_reason) between 3 and 500);
      create index feedback_commune_hidden_idx on feedback (commune_id, hidden_at desc) where hidden_at is not null;

      -- A hidden feedback cannot be supported.
      drop policy feedback_supports_own_insert on feedback_supports;
      create policy feedback_supports_own_insert on feedback_supports for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and user_id = (select app_current_user_id())
               and exists (select 1 from feedback f
                           where f.commune_id = feedback_supports.commune_id and f.id = feedback_supports.feedback_id
                             and f.visibility = 'public' and f.hidden_at is null));

      create table moderation_reports (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        content_kind text not null check (content_kind in ('feedback', 'debate_comment', 'session_question')),
        content_id uuid not null,
        reporter_id uuid references users (id) on delete set null,
        reason text not null check (reason in ('spam', 'abuse', 'personal_data', 'off_topic', 'other')),
        details text check (length(details) between 1 and 500),
        status text not null default 'open' check (status in ('open', 'upheld', 'dismissed')),
        handled_at timestamptz,
        handled_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        check ((status = 'open') = (handled_at is null))
      );
      create unique index moderation_reports_one_open_idx on moderation_reports (commune_id, content_kind, content_id, reporter_id)
        where status = 'open' and reporter_id is not null;
      create index moderation_reports_content_idx on moderation_reports (commune_id, content_kind, content_id);
      create index moderation_reports_created_idx on moderation_reports (commune_id, created_at desc);
      alter table moderation_reports enable row level security;
      alter table moderation_reports force row level security;
      create policy moderation_reports_staff on moderation_reports for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy moderation_reports_reporter_insert on moderation_reports for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and reporter_id is not distinct from (select app_current_user_id())
               and status = 'open' and handled_at is null and handled_by is null);
      -- An account reads its own reports (so that a repeated report is recognised, and
      -- \`insert … returning\` passes); an anonymous report is never read back.
      create policy moderation_reports_own_read on moderation_reports for select
        using (commune_id = (select app_current_commune_id())
               and reporter_id = (select app_current_user_id()));

      create policy audit_events_anonymous_report_insert on audit_events for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and (select app_current_user_id()) is null
               and actor_user_id is null
               and action = 'moderation.reported');

      grant select, insert, update on moderation_reports to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop policy if exists audit_events_anonymous_report_insert on audit_events;
      drop table if exists moderation_reports;
      drop policy feedback_supports_own_insert on feedback_supports;
      create policy feedback_supports_own_insert on feedback_supports for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and user_id = (select app_current_user_id())
               and exists (select 1 from feedback f
                           where f.commune_id = feedback_supports.commune_id and f.id = feedback_supports.feedback_id
                             and f.visibility = 'public'));
      drop index if exists feedback_commune_hidden_idx;
      alter table feedback drop column hidden_at, drop column hidden_reason, drop column hidden_by;
    `);
  }
}
