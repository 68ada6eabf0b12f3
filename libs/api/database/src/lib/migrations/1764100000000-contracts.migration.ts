import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts awarded (marchés publics), the documents linked to them, and import previews.
 *
 * Same readers as the documents (see the transparency migration):
 * - the commune's staff (`staff` scope) see and write everything of their commune, drafts included;
 * - everyone else in that commune's context (`public`, `observer`, `platform`) reads published
 *   contracts only; nobody but the staff writes;
 * - import previews are working data of the staff: never public.
 * Money is integer XOF (`bigint`), capped at 15 digits so that every amount survives the OCDS
 * export as an exact JSON number (2^53 is 16 digits).
 */
export class Contracts1764100000000 implements MigrationInterface {
  name = 'Contracts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- OCDS codelists (method, procurementCategory, contractStatus), as in @communes/shared-contracts.
      create type procurement_method as enum ('open', 'selective', 'limited', 'direct');
      create type procurement_category as enum ('goods', 'works', 'services');
      create type contract_status as enum ('pending', 'active', 'cancelled', 'terminated');
      create type contract_state as enum ('draft', 'published');

      -- An uploaded list of contracts, parsed and kept until it is committed. The valid rows are
      -- stored as previewed, so that the commit inserts exactly what the staff saw.
      create table contract_imports (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        source_document_id uuid not null,
        file_name text not null check (length(file_name) between 1 and 255),
        status text not null default 'previewed' check (status in ('previewed', 'committed')),
        total_lines integer not null check (total_lines >= 0),
        valid_lines integer not null check (valid_lines >= 0 and valid_lines <= total_lines),
        errors jsonb not null default '[]'::jsonb check (jsonb_typeof(errors) = 'array'),
        rows jsonb not null default '[]'::jsonb check (jsonb_typeof(rows) = 'array'),
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        committed_at timestamptz,
        primary key (commune_id, id),
        foreign key (commune_id, source_document_id) references documents (commune_id, id),
        check ((status = 'committed') = (committed_at is not null))
      );
      create index contract_imports_commune_created_idx on contract_imports (commune_id, created_at desc);

      create table contracts (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        reference text not null check (length(reference) between 1 and 100 and reference = btrim(reference)),
        object text not null check (length(object) between 1 and 1000),
        procurement_method procurement_method not null,
        category procurement_category not null,
        awardee_name text not null check (length(awardee_name) between 1 and 300),
        awardee_identifier text check (length(awardee_identifier) between 1 and 50),
        amount bigint not null check (amount between 0 and 999999999999999),
        award_date date not null check (award_date between '1990-01-01' and '2100-12-31'),
        start_date date,
        end_date date,
        status contract_status not null default 'active',
        funding_source text check (length(funding_source) between 1 and 300),
        state contract_state not null default 'draft',
        published_at timestamptz,
        import_id uuid,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, import_id) references contract_imports (commune_id, id),
        check (end_date is null or start_date is null or end_date >= start_date),
        check ((state = 'published') = (published_at is not null))
      );
      -- One reference per commune, whatever the case (the importer compares them the same way).
      create unique index contracts_commune_reference_key on contracts (commune_id, upper(reference));
      create index contracts_commune_award_date_idx on contracts (commune_id, award_date desc);
      create index contracts_commune_published_idx on contracts (commune_id, award_date desc) where state = 'published';
      -- "awardee contains …", accents and case ignored (immutable_unaccent: see the search migration).
      create index contracts_awardee_trgm_idx on contracts using gin (lower(immutable_unaccent(awardee_name)) gin_trgm_ops);

      -- Documents of the same commune (the composite key makes a cross-commune link impossible).
      create table contract_documents (
        commune_id uuid not null,
        contract_id uuid not null,
        document_id uuid not null,
        created_at timestamptz not null default now(),
        primary key (commune_id, contract_id, document_id),
        foreign key (commune_id, contract_id) references contracts (commune_id, id) on delete cascade,
        foreign key (commune_id, document_id) references documents (commune_id, id)
      );
      create index contract_documents_document_idx on contract_documents (commune_id, document_id);
    `);

    await q.query(`
      alter table contracts enable row level security;
      alter table contracts force row level security;
      alter table contract_documents enable row level security;
      alter table contract_documents force row level security;
      alter table contract_imports enable row level security;
      alter table contract_imports force row level security;

      create policy contracts_staff on contracts for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy contracts_public_read on contracts for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state = 'published');

      create policy contract_documents_staff on contract_documents for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      -- Links of published contracts only; the document itself is then filtered by its own policy.
      create policy contract_documents_public_read on contract_documents for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and exists (select 1 from contracts c
                           where c.commune_id = contract_documents.commune_id and c.id = contract_documents.contract_id
                             and c.state = 'published'));

      create policy contract_imports_staff on contract_imports for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');

      -- What citizens were shown stays: a published contract is never deleted, never unpublished,
      -- and only its status (in force, terminated, cancelled...) may still change.
      create or replace function contracts_published_guard() returns trigger
        language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.state = 'published' then raise exception 'a published contract cannot be deleted'; end if;
            return old;
          end if;
          if old.state = 'published' and (
               new.reference, new.object, new.procurement_method, new.category, new.awardee_name, new.awardee_identifier,
               new.amount, new.award_date, new.start_date, new.end_date, new.funding_source, new.state, new.published_at
             ) is distinct from (
               old.reference, old.object, old.procurement_method, old.category, old.awardee_name, old.awardee_identifier,
               old.amount, old.award_date, old.start_date, old.end_date, old.funding_source, old.state, old.published_at
             ) then
            raise exception 'a published contract can only change its status';
          end if;
          return new;
        end $$;
      create trigger contracts_published_guard before update or delete on contracts
        for each row execute function contracts_published_guard();
    `);

    await q.query(`
      grant select, insert, update, delete on contracts, contract_documents to communes_app;
      grant select, insert, update on contract_imports to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists contract_documents, contracts, contract_imports cascade;
      drop function if exists contracts_published_guard();
      drop type if exists contract_state, contract_status, procurement_category, procurement_method;
    `);
  }
}
