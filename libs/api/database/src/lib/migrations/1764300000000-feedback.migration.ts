import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Doléances and suggestions sent by citizens to their commune (issue 5).
 *
 * Who sees what, enforced here and not only in the service:
 * - the commune's staff see and handle every feedback of their commune;
 * - everyone else (public, ANCB, ministry) sees public feedback only;
 * - an account also sees its own feedback, public or private, and sends new feedback in the
 *   `public` scope (status `received`, nothing decided by staff filled in);
 * - supports: one per account and feedback (primary key), visible with the feedback they
 *   support, so that anyone can count them without seeing private feedback.
 * Tracking numbers come from a per-commune, per-year counter row (`insert … on conflict do
 * update`), so two concurrent submissions never get the same number.
 * `rate_limit_hits` holds no tenant data (a bucket, a hashed key, a time): it is shared by the
 * participation features to limit submissions per account and per address across API replicas.
 */
export class Feedback1764300000000 implements MigrationInterface {
  name = 'Feedback1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type feedback_kind as enum ('doleance', 'suggestion');
      create type feedback_status as enum ('received', 'in_progress', 'answered', 'resolved', 'declined');
      create type feedback_visibility as enum ('public', 'private');

      create table feedback_counters (
        commune_id uuid not null references communes (id),
        year integer not null check (year between 2000 and 2200),
        last_number integer not null check (last_number > 0),
        primary key (commune_id, year)
      );
      alter table feedback_counters enable row level security;
      alter table feedback_counters force row level security;
      create policy feedback_counters_sender on feedback_counters for all
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and (select app_current_user_id()) is not null)
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and (select app_current_user_id()) is not null);

      create table feedback (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        tracking_number text not null check (tracking_number ~ '^[A-Z]{2,4}-[0-9]{4}-[0-9]{6,}$'),
        kind feedback_kind not null,
        category text not null check (category ~ '^[a-z_]{2,40}$'),
        text text not null check (length(text) between 10 and 4000),
        place text check (length(place) between 1 and 200),
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        visibility feedback_visibility not null,
        status feedback_status not null default 'received',
        author_id uuid references users (id) on delete set null,
        assignee_id uuid references users (id) on delete set null,
        answer text check (length(answer) between 1 and 4000),
        answered_at timestamptz,
        answered_by uuid references users (id) on delete set null,
        first_response_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        unique (commune_id, tracking_number),
        check ((latitude is null) = (longitude is null)),
        check (status not in ('answered', 'declined') or answer is not null),
        check ((status in ('resolved', 'declined')) = (closed_at is not null))
      );
      create index feedback_commune_status_idx on feedback (commune_id, status, created_at desc);
      create index feedback_commune_created_idx on feedback (commune_id, created_at desc);
      create index feedback_commune_assignee_idx on feedback (commune_id, assignee_id) where assignee_id is not null;
      create index feedback_author_idx on feedback (author_id, created_at desc);
      alter table feedback enable row level security;
      alter table feedback force row level security;
      create policy feedback_staff on feedback for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy feedback_public_read on feedback for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and visibility = 'public');
      create policy feedback_own_read on feedback for select
        using (commune_id = (select app_current_commune_id())
               and author_id = (select app_current_user_id()));
      create policy feedback_own_insert on feedback for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and author_id = (select app_current_user_id())
               and status = 'received' and assignee_id is null and answer is null
               and first_response_at is null and closed_at is null);

      create table feedback_supports (
        commune_id uuid not null,
        feedback_id uuid not null,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (commune_id, feedback_id, user_id),
        foreign key (commune_id, feedback_id) references feedback (commune_id, id) on delete cascade
      );
      alter table feedback_supports enable row level security;
      alter table feedback_supports force row level security;
      -- Visible exactly when the supported feedback is visible to the caller (its own policies).
      create policy feedback_supports_read on feedback_supports for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from feedback f where f.commune_id = feedback_supports.commune_id and f.id = feedback_supports.feedback_id));
      create policy feedback_supports_own_insert on feedback_supports for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and user_id = (select app_current_user_id())
               and exists (select 1 from feedback f
                           where f.commune_id = feedback_supports.commune_id and f.id = feedback_supports.feedback_id
                             and f.visibility = 'public'));

      -- A citizen's own submission is audited in the commune it was sent to.
      create policy audit_events_citizen_insert on audit_events for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and actor_user_id = (select app_current_user_id()));

      create table rate_limit_hits (
        bucket text not null check (bucket ~ '^[a-z_.-]{1,60}$'),
        subject_hash text not null check (length(subject_hash) = 64),
        hit_at timestamptz not null default now()
      );
      create index rate_limit_hits_key_idx on rate_limit_hits (bucket, subject_hash, hit_at);

      alter table search_records drop constraint search_records_kind_check;
      alter table search_records add constraint search_records_kind_check
        check (kind in ('document', 'budget_line', 'contract', 'session', 'agenda_event', 'feedback', 'consultation'));

      grant select, insert, update on feedback_counters to communes_app;
      grant select, insert, update on feedback to communes_app;
      grant select, insert, delete on feedback_supports to communes_app;
      grant select, insert, delete on rate_limit_hits to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists rate_limit_hits, feedback_supports, feedback, feedback_counters;
      drop policy if exists audit_events_citizen_insert on audit_events;
      drop type if exists feedback_visibility, feedback_status, feedback_kind;
    `);
  }
}
