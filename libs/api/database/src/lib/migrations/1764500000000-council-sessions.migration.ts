import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council sessions and accountability sessions (reddition de comptes), issue 5: one table told
 * apart by `kind`, their agenda, the documents linked to them, citizens' questions, and the log
 * of live events (status changes, questions, answers) that feeds server-sent events and polling.
 *
 * Who sees what, enforced here and not only in the service:
 * - the commune's staff see and change everything of their commune (drafts included);
 * - everyone else sees sessions once scheduled (never drafts), with their agenda and documents;
 * - questions: visible ones to everyone who sees the session; a hidden question only to staff and
 *   to its author (who is told why); an account asks in the `public` scope, as itself, a question
 *   that nobody has answered or hidden yet;
 * - the event log carries only what the public may read (a hidden question appears as its id), so
 *   one stream serves every follower; a citizen may only append the "question" event.
 * Events of one session are appended under a per-session advisory lock held until commit, so
 * their ids grow in commit order: `id > last seen` never skips an event (resuming a stream).
 */
export class CouncilSessions1764500000000 implements MigrationInterface {
  name = 'CouncilSessions1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type council_session_kind as enum ('council', 'accountability');
      create type council_session_type as enum ('ordinary', 'extraordinary');
      create type council_session_status as enum ('draft', 'scheduled', 'live', 'ended', 'cancelled');

      create table council_sessions (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        kind council_session_kind not null,
        session_type council_session_type,
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 4000),
        place text check (length(place) between 1 and 300),
        starts_at timestamptz not null,
        ends_at timestamptz,
        stream_url text check (length(stream_url) <= 500 and stream_url ~ '^https://'),
        stream_embed_url text check (length(stream_embed_url) <= 1500 and stream_embed_url ~ '^https://'),
        stream_kind text check (stream_kind in ('youtube', 'facebook', 'hls')),
        status council_session_status not null default 'draft',
        published_at timestamptz,
        live_at timestamptz,
        ended_at timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text,
        summary text check (length(summary) between 1 and 20000),
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        check ((kind = 'council') = (session_type is not null)),
        check (ends_at is null or ends_at >= starts_at),
        check ((stream_url is null) = (stream_kind is null) and (stream_url is null) = (stream_embed_url is null)),
        check (status <> 'cancelled' or (cancelled_at is not null and length(cancellation_reason) >= 3)),
        check (status = 'draft' or published_at is not null)
      );
      create index council_sessions_commune_starts_idx on council_sessions (commune_id, starts_at);
      create index council_sessions_commune_kind_starts_idx on council_sessions (commune_id, kind, starts_at desc) where status <> 'draft';
      alter table council_sessions enable row level security;
      alter table council_sessions force row level security;
      create policy council_sessions_staff on council_sessions for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy council_sessions_public_read on council_sessions for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and status <> 'draft');

      create table council_session_agenda_items (
        commune_id uuid not null,
        session_id uuid not null,
        position smallint not null check (position between 1 and 50),
        title text not null check (length(title) between 1 and 300),
        description text check (length(description) <= 2000),
        primary key (commune_id, session_id, position),
        foreign key (commune_id, session_id) references council_sessions (commune_id, id) on delete cascade
      );
      alter table council_session_agenda_items enable row level security;
      alter table council_session_agenda_items force row level security;
      create policy council_session_agenda_items_staff on council_session_agenda_items for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      -- Visible exactly when the session is (its own policies apply inside exists).
      create policy council_session_agenda_items_read on council_session_agenda_items for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from council_sessions s where s.commune_id = council_session_agenda_items.commune_id and s.id = council_session_agenda_items.session_id));

      create table council_session_documents (
        commune_id uuid not null,
        session_id uuid not null,
        document_id uuid not null,
        role text not null check (role in ('agenda', 'minutes', 'deliberation', 'media')),
        agenda_position smallint,
        created_at timestamptz not null default now(),
        primary key (commune_id, session_id, role, document_id),
        check ((role = 'agenda') = (agenda_position is not null)),
        foreign key (commune_id, session_id) references council_sessions (commune_id, id) on delete cascade,
        foreign key (commune_id, session_id, agenda_position) references council_session_agenda_items (commune_id, session_id, position) on delete cascade,
        foreign key (commune_id, document_id) references documents (commune_id, id)
      );
      create index council_session_documents_document_idx on council_session_documents (commune_id, document_id);
      alter table council_session_documents enable row level security;
      alter table council_session_documents force row level security;
      create policy council_session_documents_staff on council_session_documents for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy council_session_documents_read on council_session_documents for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from council_sessions s where s.commune_id = council_session_documents.commune_id and s.id = council_session_documents.session_id));

      create table council_session_questions (
        commune_id uuid not null,
        id uuid not null default gen_random_uuid(),
        session_id uuid not null,
        author_id uuid references users (id) on delete set null,
        text text not null check (length(text) between 10 and 1000),
        answer text check (length(answer) between 1 and 2000),
        answered_at timestamptz,
        answered_by uuid references users (id) on delete set null,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, session_id) references council_sessions (commune_id, id) on delete cascade,
        check ((hidden_at is null) = (hidden_reason is null)),
        check (hidden_reason is null or length(hidden_reason) between 3 and 500),
        check (answer is null or answered_at is not null)
      );
      create index council_session_questions_session_idx on council_session_questions (commune_id, session_id, created_at);
      alter table council_session_questions enable row level security;
      alter table council_session_questions force row level security;
      create policy council_session_questions_staff on council_session_questions for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy council_session_questions_public_read on council_session_questions for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and hidden_at is null
               and exists (select 1 from council_sessions s where s.commune_id = council_session_questions.commune_id and s.id = council_session_questions.session_id));
      create policy council_session_questions_own_read on council_session_questions for select
        using (commune_id = (select app_current_commune_id())
               and author_id = (select app_current_user_id()));
      create policy council_session_questions_own_insert on council_session_questions for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and author_id = (select app_current_user_id())
               and answer is null and answered_at is null and hidden_at is null
               and exists (select 1 from council_sessions s
                           where s.commune_id = council_session_questions.commune_id and s.id = council_session_questions.session_id
                             and s.status in ('scheduled', 'live')));

      create table council_session_events (
        commune_id uuid not null,
        id bigint generated always as identity,
        session_id uuid not null,
        type text not null check (type in ('status', 'question', 'answer', 'hidden', 'updated')),
        payload jsonb not null,
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, session_id) references council_sessions (commune_id, id) on delete cascade
      );
      create index council_session_events_session_idx on council_session_events (commune_id, session_id, id);
      alter table council_session_events enable row level security;
      alter table council_session_events force row level security;
      create policy council_session_events_staff on council_session_events for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy council_session_events_read on council_session_events for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from council_sessions s where s.commune_id = council_session_events.commune_id and s.id = council_session_events.session_id));
      create policy council_session_events_question_insert on council_session_events for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and (select app_current_user_id()) is not null
               and type = 'question');

      grant select, insert, update, delete on council_sessions, council_session_agenda_items, council_session_documents to communes_app;
      grant select, insert, update on council_session_questions to communes_app;
      grant select, insert on council_session_events to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists council_session_events, council_session_questions, council_session_documents, council_session_agenda_items, council_sessions;
      drop type if exists council_session_status, council_session_type, council_session_kind;
    `);
  }
}
