import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mayor's agenda: public engagements of the commune (visits, ceremonies, meetings open to
 * the public). Same readers as documents: staff see drafts, everyone sees what is published,
 * and a cancelled event keeps a public trace with its reason.
 */
export class Agenda1764200000000 implements MigrationInterface {
  name = 'Agenda1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type agenda_event_state as enum ('draft', 'published', 'cancelled');
      create table agenda_events (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 4000),
        location text check (length(location) <= 300),
        starts_at timestamptz not null,
        ends_at timestamptz,
        state agenda_event_state not null default 'draft',
        published_at timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        check (ends_at is null or ends_at >= starts_at),
        check (state <> 'cancelled' or length(cancellation_reason) >= 3)
      );
      create index agenda_events_commune_starts_idx on agenda_events (commune_id, starts_at);
      alter table agenda_events enable row level security;
      alter table agenda_events force row level security;
      create policy agenda_events_staff on agenda_events for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy agenda_events_public_read on agenda_events for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state <> 'draft');
      grant select, insert, update, delete on agenda_events to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists agenda_events; drop type if exists agenda_event_state;`);
  }
}
