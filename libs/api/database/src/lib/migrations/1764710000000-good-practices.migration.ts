import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Good practices (issue 5): a commune proposes one of its practices; ANCB reviews it and
 * publishes it to the national library.
 *
 * - `good_practices`: the commune's staff see and write their own (every status). Published
 *   ones are public, commune by commune (`public`, `observer`) and across communes at once
 *   (`monitoring`: the national library). ANCB (`platform`) reads every practice that has been
 *   submitted at least once, in one commune or across communes (its review queue), never a
 *   draft, and may only move a practice to a decided status (publish, changes requested,
 *   rejected, unpublished); the service checks which move is legal.
 * - `good_practice_documents`: links to the commune's own documents (same commune by the
 *   foreign key; published, checked by the service), visible with their practice.
 * - `good_practice_reviews`: the review history (submissions and ANCB's decisions with their
 *   comments), append-only, seen by the commune's staff and ANCB only.
 */
export class GoodPractices1764710000000 implements MigrationInterface {
  name = 'GoodPractices1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table good_practices (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 5 and 200),
        summary text not null default '' check (length(summary) <= 600),
        body text not null default '' check (length(body) <= 20000),
        theme text not null check (theme in ('finances_locales', 'transparence', 'participation_citoyenne', 'services_publics',
          'etat_civil', 'environnement_assainissement', 'developpement_economique', 'genre_inclusion', 'autre')),
        results text not null default '' check (length(results) <= 4000),
        contact_role text not null default '' check (length(contact_role) <= 200),
        contact_details text check (length(contact_details) <= 300),
        status text not null default 'draft'
          check (status in ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'unpublished')),
        submitted_at timestamptz,
        submitted_by uuid references users (id) on delete set null,
        published_at timestamptz,
        reviewed_at timestamptz,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search_vector tsvector generated always as (
          setweight(to_tsvector('public.french_unaccent'::regconfig, title), 'A')
          || setweight(to_tsvector('public.french_unaccent'::regconfig, summary), 'B')
          || setweight(to_tsvector('public.french_unaccent'::regconfig, body || ' ' || results), 'C')
        ) stored,
        primary key (commune_id, id),
        check (status <> 'published' or published_at is not null),
        check (status = 'draft' or submitted_at is not null)
      );
      create index good_practices_commune_updated_idx on good_practices (commune_id, updated_at desc);
      create index good_practices_published_idx on good_practices (published_at desc) where status = 'published';
      create index good_practices_search_idx on good_practices using gin (search_vector) where status = 'published';
      create index good_practices_queue_idx on good_practices (status, submitted_at) where status <> 'draft';
      alter table good_practices enable row level security;
      alter table good_practices force row level security;
      create policy good_practices_staff on good_practices for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy good_practices_public_read on good_practices for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer')
               and status = 'published');
      create policy good_practices_monitoring_read on good_practices for select
        using ((select app_current_scope()) = 'monitoring' and status = 'published');
      create policy good_practices_platform_read on good_practices for select
        using ((select app_current_scope()) = 'platform' and status <> 'draft'
               and ((select app_current_commune_id()) is null or commune_id = (select app_current_commune_id())));
      create policy good_practices_platform_review on good_practices for update
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform' and status in ('submitted', 'published'))
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform'
                    and status in ('published', 'changes_requested', 'rejected', 'unpublished'));

      create table good_practice_documents (
        commune_id uuid not null,
        practice_id uuid not null,
        document_id uuid not null,
        position smallint not null check (position between 0 and 99),
        primary key (commune_id, practice_id, document_id),
        foreign key (commune_id, practice_id) references good_practices (commune_id, id) on delete cascade,
        foreign key (commune_id, document_id) references documents (commune_id, id)
      );
      create index good_practice_documents_document_idx on good_practice_documents (commune_id, document_id);
      alter table good_practice_documents enable row level security;
      alter table good_practice_documents force row level security;
      create policy good_practice_documents_staff on good_practice_documents for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      -- Read with its practice: the practice's own policies decide (the subquery runs under them).
      create policy good_practice_documents_read on good_practice_documents for select
        using ((select app_current_scope()) in ('public', 'observer', 'platform', 'monitoring')
               and exists (select 1 from good_practices p
                           where p.commune_id = good_practice_documents.commune_id and p.id = good_practice_documents.practice_id));

      create table good_practice_reviews (
        commune_id uuid not null,
        id uuid not null default gen_random_uuid(),
        practice_id uuid not null,
        action text not null check (action in ('submitted', 'published', 'changes_requested', 'rejected', 'unpublished')),
        comment text check (length(comment) <= 2000),
        actor_id uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, practice_id) references good_practices (commune_id, id) on delete cascade,
        check (action in ('submitted', 'published') or length(comment) >= 5)
      );
      create index good_practice_reviews_practice_idx on good_practice_reviews (commune_id, practice_id, created_at);
      alter table good_practice_reviews enable row level security;
      alter table good_practice_reviews force row level security;
      create policy good_practice_reviews_staff_read on good_practice_reviews for select
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy good_practice_reviews_staff_submit on good_practice_reviews for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff' and action = 'submitted');
      create policy good_practice_reviews_platform_read on good_practice_reviews for select
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform');
      create policy good_practice_reviews_platform_decide on good_practice_reviews for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'platform' and action <> 'submitted');

      grant select, insert, update, delete on good_practices to communes_app;
      grant select, insert, delete on good_practice_documents to communes_app;
      grant select, insert on good_practice_reviews to communes_app;
    `);

    // Add the new kind to whatever kinds the search index already accepts (other features
    // add theirs the same way), rather than restating the list.
    await q.query(`
      do $$
      declare kinds text[];
      begin
        select array_agg(distinct m[1]) into kinds
        from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') as m
        where c.conname = 'search_records_kind_check' and c.conrelid = 'public.search_records'::regclass;
        if not ('good_practice' = any (kinds)) then kinds := kinds || 'good_practice'::text; end if;
        alter table search_records drop constraint search_records_kind_check;
        execute format('alter table search_records add constraint search_records_kind_check check (kind = any (%L::text[]))', kinds);
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from search_records where kind = 'good_practice';
      drop table if exists good_practice_reviews, good_practice_documents, good_practices;
    `);
  }
}
