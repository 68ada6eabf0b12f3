import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultations (issue 5): staff ask a question, or a short survey, between two dates; every
 * account answers once; results are shown live or after the close.
 *
 * - `consultations`: staff see drafts; everyone else sees published ones.
 * - `consultation_responses`: one per account (primary key), written by the voter only while
 *   the consultation is open, and read by nobody but its author: not even the staff can see
 *   who answered what.
 * - `consultation_tallies`: the counts, one row per option plus one row with empty ids for the
 *   number of participants. Created at publication by the staff; a voter may add to them only
 *   in the transaction where their own response exists. Readable once published; whether they
 *   are shown before the close is the service's decision (results live or after the close).
 */
export class Consultations1764310000000 implements MigrationInterface {
  name = 'Consultations1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type consultation_state as enum ('draft', 'published');
      create type consultation_results_visibility as enum ('live', 'after_close');

      create table consultations (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 5 and 200),
        description text check (length(description) <= 4000),
        questions jsonb not null check (jsonb_typeof(questions) = 'array' and jsonb_array_length(questions) between 1 and 10),
        document_ids uuid[] not null default '{}' check (cardinality(document_ids) <= 10),
        opens_at timestamptz not null,
        closes_at timestamptz not null,
        results_visibility consultation_results_visibility not null default 'after_close',
        state consultation_state not null default 'draft',
        published_at timestamptz,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        check (closes_at > opens_at)
      );
      create index consultations_commune_closes_idx on consultations (commune_id, closes_at desc);
      alter table consultations enable row level security;
      alter table consultations force row level security;
      create policy consultations_staff on consultations for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy consultations_public_read on consultations for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state = 'published');

      create table consultation_responses (
        commune_id uuid not null,
        consultation_id uuid not null,
        user_id uuid not null references users (id) on delete cascade,
        answers jsonb not null check (jsonb_typeof(answers) = 'object'),
        created_at timestamptz not null default now(),
        primary key (commune_id, consultation_id, user_id),
        foreign key (commune_id, consultation_id) references consultations (commune_id, id) on delete cascade
      );
      alter table consultation_responses enable row level security;
      alter table consultation_responses force row level security;
      create policy consultation_responses_own_read on consultation_responses for select
        using (commune_id = (select app_current_commune_id()) and user_id = (select app_current_user_id()));
      create policy consultation_responses_own_insert on consultation_responses for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and user_id = (select app_current_user_id())
               and exists (select 1 from consultations c
                           where c.commune_id = consultation_responses.commune_id and c.id = consultation_responses.consultation_id
                             and c.state = 'published' and now() >= c.opens_at and now() < c.closes_at));

      create table consultation_tallies (
        commune_id uuid not null,
        consultation_id uuid not null,
        question_id text not null check (question_id ~ '^(q[0-9]{1,2})?$'),
        option_id text not null check (option_id ~ '^(o[0-9]{1,2})?$'),
        votes integer not null default 0 check (votes >= 0),
        primary key (commune_id, consultation_id, question_id, option_id),
        foreign key (commune_id, consultation_id) references consultations (commune_id, id) on delete cascade
      );
      alter table consultation_tallies enable row level security;
      alter table consultation_tallies force row level security;
      create policy consultation_tallies_staff on consultation_tallies for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy consultation_tallies_read on consultation_tallies for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and exists (select 1 from consultations c
                           where c.commune_id = consultation_tallies.commune_id and c.id = consultation_tallies.consultation_id
                             and c.state = 'published'));
      create policy consultation_tallies_voter_update on consultation_tallies for update
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and exists (select 1 from consultation_responses r
                           where r.commune_id = consultation_tallies.commune_id and r.consultation_id = consultation_tallies.consultation_id
                             and r.user_id = (select app_current_user_id())))
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'public');

      grant select, insert, update, delete on consultations to communes_app;
      grant select, insert on consultation_responses to communes_app;
      grant select, insert, update, delete on consultation_tallies to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists consultation_tallies, consultation_responses, consultations;
      drop type if exists consultation_results_visibility, consultation_state;
    `);
  }
}
