import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * News of the commune (issue 5, "Mayor's agenda and news on the commune page"): short articles
 * the commune's staff write and publish on the commune page.
 *
 * - draft → published → withdrawn. `published_at` is the date shown (it may be set in the past,
 *   for news that happened before it was written down, never in the future); a withdrawn
 *   article leaves the public pages and the search index, and keeps its reason for the staff.
 * - The staff (scope `staff`) read and write every article of their commune; everyone else
 *   (public, ANCB, the ministry) reads published articles whose date has come.
 * - The cover image is stored like feedback photos (re-encoded without metadata), under a key
 *   carrying the commune id; `cover_*` columns describe it.
 */
export class News1764720000010 implements MigrationInterface {
  name = 'News1764720000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type news_state as enum ('draft', 'published', 'withdrawn');
      create table news (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 3 and 200),
        summary text check (length(summary) between 1 and 300),
        body text not null check (length(body) between 1 and 20000),
        state news_state not null default 'draft',
        published_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal_reason text check (length(withdrawal_reason) between 3 and 500),
        cover_object_key text unique check (length(cover_object_key) between 1 and 500),
        cover_media_type text check (cover_media_type in ('image/jpeg', 'image/png', 'image/webp')),
        cover_width integer check (cover_width > 0),
        cover_height integer check (cover_height > 0),
        cover_alt text check (length(cover_alt) between 1 and 300),
        created_by uuid references users (id) on delete set null,
        updated_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        check ((state = 'draft') = (published_at is null) or state = 'withdrawn'),
        check ((state = 'withdrawn') = (withdrawn_at is not null)),
        check ((cover_object_key is null) = (cover_media_type is null))
      );
      create index news_commune_published_idx on news (commune_id, published_at desc) where state = 'published';
      create index news_commune_updated_idx on news (commune_id, updated_at desc);
      alter table news enable row level security;
      alter table news force row level security;
      create policy news_staff on news for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy news_public_read on news for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state = 'published' and published_at <= now());
      grant select, insert, update on news to communes_app;
    `);

    // Add the new kind to whatever kinds the search index already accepts (as other features do).
    await q.query(`
      do $$
      declare kinds text[];
      begin
        select array_agg(distinct m[1]) into kinds
        from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') as m
        where c.conname = 'search_records_kind_check' and c.conrelid = 'public.search_records'::regclass;
        if not ('news' = any (kinds)) then kinds := kinds || 'news'::text; end if;
        alter table search_records drop constraint search_records_kind_check;
        execute format('alter table search_records add constraint search_records_kind_check check (kind = any (%L::text[]))', kinds);
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from search_records where kind = 'news';
      drop table if exists news;
      drop type if exists news_state;
    `);
  }
}
