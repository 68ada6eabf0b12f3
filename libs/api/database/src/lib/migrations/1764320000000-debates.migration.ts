import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debates (issue 5): staff open a topic on a concern of the commune; citizens comment and reply
 * (threads) and react; comments by the commune's editors and admins are its official answers.
 *
 * - `debate_topics`: drafts for staff; open and closed topics for everyone.
 * - `debate_comments`: visible with their topic. A hidden comment (moderation) keeps its row:
 *   the repository masks its text for everyone but its author and the staff. Citizens write
 *   their own comments, never official and never hidden, on open topics only.
 * - `debate_reactions`: one per account and comment (primary key), changeable.
 */
export class Debates1764320000000 implements MigrationInterface {
  name = 'Debates1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type debate_topic_state as enum ('draft', 'open', 'closed');
      create type debate_reaction_kind as enum ('agree', 'disagree');

      create table debate_topics (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 5 and 200),
        body text not null check (length(body) between 10 and 8000),
        state debate_topic_state not null default 'draft',
        opened_at timestamptz,
        closed_at timestamptz,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id)
      );
      create index debate_topics_commune_created_idx on debate_topics (commune_id, created_at desc);
      alter table debate_topics enable row level security;
      alter table debate_topics force row level security;
      create policy debate_topics_staff on debate_topics for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy debate_topics_public_read on debate_topics for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state <> 'draft');

      create table debate_comments (
        commune_id uuid not null,
        id uuid not null default gen_random_uuid(),
        topic_id uuid not null,
        parent_id uuid,
        author_id uuid references users (id) on delete set null,
        body text not null check (length(body) between 2 and 2000),
        is_official boolean not null default false,
        hidden_at timestamptz,
        hidden_by uuid references users (id) on delete set null,
        hidden_reason text check (length(hidden_reason) between 3 and 500),
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, topic_id) references debate_topics (commune_id, id) on delete cascade,
        foreign key (commune_id, parent_id) references debate_comments (commune_id, id),
        check ((hidden_at is null) = (hidden_reason is null))
      );
      create index debate_comments_topic_idx on debate_comments (commune_id, topic_id, created_at);
      alter table debate_comments enable row level security;
      alter table debate_comments force row level security;
      create policy debate_comments_staff on debate_comments for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy debate_comments_public_read on debate_comments for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and exists (select 1 from debate_topics t where t.commune_id = debate_comments.commune_id and t.id = debate_comments.topic_id));
      create policy debate_comments_own_insert on debate_comments for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and author_id = (select app_current_user_id())
               and not is_official and hidden_at is null
               and exists (select 1 from debate_topics t
                           where t.commune_id = debate_comments.commune_id and t.id = debate_comments.topic_id and t.state = 'open'));

      create table debate_reactions (
        commune_id uuid not null,
        comment_id uuid not null,
        user_id uuid not null references users (id) on delete cascade,
        kind debate_reaction_kind not null,
        created_at timestamptz not null default now(),
        primary key (commune_id, comment_id, user_id),
        foreign key (commune_id, comment_id) references debate_comments (commune_id, id) on delete cascade
      );
      alter table debate_reactions enable row level security;
      alter table debate_reactions force row level security;
      create policy debate_reactions_read on debate_reactions for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from debate_comments c where c.commune_id = debate_reactions.commune_id and c.id = debate_reactions.comment_id));
      create policy debate_reactions_own on debate_reactions for all
        using (commune_id = (select app_current_commune_id()) and user_id = (select app_current_user_id())
               and (select app_current_scope()) in ('public', 'staff'))
        with check (commune_id = (select app_current_commune_id()) and user_id = (select app_current_user_id())
               and (select app_current_scope()) in ('public', 'staff')
               and exists (select 1 from debate_comments c
                           where c.commune_id = debate_reactions.commune_id and c.id = debate_reactions.comment_id and c.hidden_at is null));

      alter table search_records drop constraint search_records_kind_check;
      alter table search_records add constraint search_records_kind_check
        check (kind in ('document', 'budget_line', 'contract', 'session', 'agenda_event', 'feedback', 'consultation', 'debate'));

      grant select, insert, update, delete on debate_topics to communes_app;
      grant select, insert, update on debate_comments to communes_app;
      grant select, insert, update, delete on debate_reactions to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists debate_reactions, debate_comments, debate_topics;
      drop type if exists debate_reaction_kind, debate_topic_state;
    `);
  }
}
