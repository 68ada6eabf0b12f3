import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (with immutable versions) and the search outbox.
 *
 * Content tables separate three readers (DESIGN.md "Tenancy"):
 * - the commune's staff (`staff` scope) see and write everything of their commune, drafts included;
 * - everyone else in that commune's context (`public`, `observer`, `platform`) sees published
 *   content and the public trace of withdrawn documents — ANCB (`platform`) cannot write content;
 * - background workers use scopes of their own (`worker` for text extraction, `indexer` for the
 *   outbox), each allowed exactly what the job needs, across communes.
 */
export class Transparency1763950000000 implements MigrationInterface {
  name = 'Transparency1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type document_category as enum (
        'budget_primitif', 'budget_collectif', 'compte_administratif', 'compte_de_gestion',
        'plan_developpement_communal', 'plan_annuel_investissement', 'plan_travail_annuel',
        'plan_passation_marches', 'deliberation', 'proces_verbal_session', 'arrete',
        'rapport_reddition_comptes', 'autre');
      create type document_state as enum ('draft', 'published', 'withdrawn');

      create table documents (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        category document_category not null,
        fiscal_year smallint check (fiscal_year between 1990 and 2100),
        title text not null check (length(title) between 1 and 300),
        description text check (length(description) <= 4000),
        state document_state not null default 'draft',
        published_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        check (state <> 'withdrawn' or (withdrawn_at is not null and length(withdrawal_reason) >= 3))
      );
      create index documents_commune_category_year_idx on documents (commune_id, category, fiscal_year desc);
      create index documents_commune_published_idx on documents (commune_id, published_at desc) where state <> 'draft';

      -- A version, once published, is never overwritten or deleted: its bytes are addressed by
      -- object_key and checked by sha256.
      create table document_versions (
        commune_id uuid not null,
        id uuid not null default gen_random_uuid(),
        document_id uuid not null,
        version_number integer not null check (version_number >= 1),
        object_key text not null,
        file_name text not null check (length(file_name) between 1 and 255),
        media_type text not null,
        size_bytes bigint not null check (size_bytes >= 0),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        page_count integer check (page_count >= 0),
        text_status text not null default 'pending' check (text_status in ('pending', 'done', 'failed', 'not_applicable')),
        text_content text,
        published_at timestamptz,
        uploaded_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        unique (commune_id, document_id, version_number),
        foreign key (commune_id, document_id) references documents (commune_id, id)
      );
      create index document_versions_pending_text_idx on document_versions (created_at) where text_status = 'pending';

      alter table documents enable row level security;
      alter table documents force row level security;
      alter table document_versions enable row level security;
      alter table document_versions force row level security;

      create policy documents_staff on documents for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy documents_public_read on documents for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state <> 'draft');

      create policy document_versions_staff on document_versions for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy document_versions_public_read on document_versions for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and published_at is not null);
      -- Text extraction runs in the background for every commune: it reads pending versions and
      -- writes their text, nothing else (the column list of the grant below limits the update).
      create policy document_versions_worker_read on document_versions for select
        using ((select app_current_scope()) = 'worker');
      create policy document_versions_worker_update on document_versions for update
        using ((select app_current_scope()) = 'worker')
        with check ((select app_current_scope()) = 'worker');

      -- A published version is immutable: only its extracted text may still be filled in.
      create or replace function document_versions_immutable() returns trigger
        language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.published_at is not null then raise exception 'a published document version cannot be deleted'; end if;
            return old;
          end if;
          if old.published_at is not null and (
               new.object_key, new.sha256, new.size_bytes, new.media_type, new.file_name, new.version_number, new.published_at
             ) is distinct from (
               old.object_key, old.sha256, old.size_bytes, old.media_type, old.file_name, old.version_number, old.published_at
             ) then
            raise exception 'a published document version cannot be changed';
          end if;
          return new;
        end $$;
      create trigger document_versions_immutable before update or delete on document_versions
        for each row execute function document_versions_immutable();
    `);

    await q.query(`
      -- Transactional outbox: written in the same transaction as the content change, drained by
      -- the indexer into the search engine (idempotent: an upsert or delete of one record id).
      create table search_outbox (
        commune_id uuid not null references communes (id),
        id bigint generated always as identity,
        record_id text not null,
        created_at timestamptz not null default now(),
        processed_at timestamptz,
        attempts integer not null default 0,
        last_error text,
        primary key (commune_id, id)
      );
      create index search_outbox_pending_idx on search_outbox (id) where processed_at is null;
      alter table search_outbox enable row level security;
      alter table search_outbox force row level security;
      create policy search_outbox_staff_insert on search_outbox for insert
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) in ('staff', 'platform'));
      -- Text extraction finishing on a published version refreshes its search entry.
      create policy search_outbox_worker_insert on search_outbox for insert
        with check ((select app_current_scope()) = 'worker');
      create policy search_outbox_indexer on search_outbox for all
        using ((select app_current_scope()) = 'indexer')
        with check ((select app_current_scope()) = 'indexer');
    `);

    await q.query(`
      grant select, insert, update, delete on documents, document_versions to communes_app;
      revoke update on document_versions from communes_app;
      grant update (text_status, text_content, page_count, published_at) on document_versions to communes_app;
      grant select, insert, update on search_outbox to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists search_outbox, document_versions, documents cascade;
      drop function if exists document_versions_immutable();
      drop type if exists document_state, document_category;
    `);
  }
}
