import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets (primitif, collectif, exécuté), their lines, and import previews.
 *
 * Life of a budget for one (commune, fiscal year, stage):
 * - an import is first a preview (`budget_imports`, staff only): the file's valid lines, its
 *   line-by-line errors, the source file kept as a draft document;
 * - committing a preview without errors creates a `draft` budget with all its lines, in one
 *   transaction. There is at most one draft per (year, stage): a new commit replaces the
 *   previous draft (deleted with its lines; a draft was never public);
 * - publishing makes it `published`. There is at most one published budget per (year, stage):
 *   publishing a corrected import turns the previous one into `superseded`, which stays
 *   readable by everyone (with a link to what replaced it) but leaves the search index and the
 *   open-data export. A budget that has been public is never deleted or changed.
 *
 * Money is integer francs CFA (XOF) in `bigint`. Totals per section × direction are stored on
 * the budget, computed from its lines when it is committed (lines never change afterwards).
 *
 * RLS as for documents: the commune's staff see and write everything of their commune; the
 * public (and ANCB, the ministry) read published and superseded budgets and their lines; import
 * previews are for staff only.
 */
export class Budgets1764000000000 implements MigrationInterface {
  name = 'Budgets1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create type budget_stage as enum ('primitif', 'collectif', 'execute');
      create type budget_state as enum ('draft', 'published', 'superseded');
      create type budget_section as enum ('fonctionnement', 'investissement');
      create type budget_direction as enum ('recette', 'depense');
      create type budget_import_status as enum ('previewed', 'committed', 'expired');

      create table budget_imports (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        fiscal_year smallint not null check (fiscal_year between 1990 and 2100),
        stage budget_stage not null,
        status budget_import_status not null default 'previewed',
        source_document_id uuid not null,
        source_version_id uuid not null,
        file_name text not null check (length(file_name) between 1 and 255),
        format text not null check (format in ('csv', 'xlsx')),
        total_lines integer not null check (total_lines >= 0),
        valid_lines integer not null check (valid_lines >= 0),
        error_count integer not null check (error_count >= 0),
        -- The first errors ({line, column, message}); error_count says how many there were.
        errors jsonb not null default '[]',
        -- The valid lines as [line, section, direction, code, label, amount] arrays, waiting for
        -- the commit; emptied once committed or expired.
        lines jsonb,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        committed_at timestamptz,
        primary key (commune_id, id),
        foreign key (commune_id, source_document_id) references documents (commune_id, id),
        foreign key (commune_id, source_version_id) references document_versions (commune_id, id),
        check ((status = 'committed') = (committed_at is not null))
      );
      create index budget_imports_commune_year_idx on budget_imports (commune_id, fiscal_year, stage, created_at desc);

      create table budgets (
        commune_id uuid not null references communes (id),
        id uuid not null default gen_random_uuid(),
        fiscal_year smallint not null check (fiscal_year between 1990 and 2100),
        stage budget_stage not null,
        state budget_state not null default 'draft',
        -- The import it came from and the file it was read from (null for budgets written
        -- directly, such as the demo seed).
        import_id uuid,
        source_document_id uuid,
        line_count integer not null default 0 check (line_count >= 0),
        fonctionnement_recette bigint not null default 0 check (fonctionnement_recette >= 0),
        fonctionnement_depense bigint not null default 0 check (fonctionnement_depense >= 0),
        investissement_recette bigint not null default 0 check (investissement_recette >= 0),
        investissement_depense bigint not null default 0 check (investissement_depense >= 0),
        created_by uuid references users (id) on delete set null,
        published_at timestamptz,
        superseded_at timestamptz,
        superseded_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (commune_id, id),
        foreign key (commune_id, import_id) references budget_imports (commune_id, id),
        foreign key (commune_id, source_document_id) references documents (commune_id, id),
        foreign key (commune_id, superseded_by) references budgets (commune_id, id),
        check ((state = 'draft') = (published_at is null)),
        check ((state = 'superseded') = (superseded_at is not null and superseded_by is not null))
      );
      create index budgets_commune_year_idx on budgets (commune_id, fiscal_year desc, stage);
      -- One draft and one published budget at most per (year, stage); superseded ones pile up.
      create unique index budgets_one_draft_idx on budgets (commune_id, fiscal_year, stage) where state = 'draft';
      create unique index budgets_one_published_idx on budgets (commune_id, fiscal_year, stage) where state = 'published';

      -- line_number is the line in the source file (as a person sees it), so that every figure
      -- can be traced back to the kept file; 1..n for budgets written without a file.
      create table budget_lines (
        commune_id uuid not null,
        budget_id uuid not null,
        line_number integer not null check (line_number >= 1),
        section budget_section not null,
        direction budget_direction not null,
        code text not null check (length(code) between 1 and 50),
        label text not null check (length(label) between 1 and 1000),
        amount bigint not null check (amount >= 0),
        primary key (commune_id, budget_id, line_number),
        foreign key (commune_id, budget_id) references budgets (commune_id, id) on delete cascade
      );
    `);

    await q.query(`
      -- A budget that has been public is never deleted, and only its supersession may change.
      create or replace function budgets_guard() returns trigger
        language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.state <> 'draft' then raise exception 'a published budget cannot be deleted'; end if;
            return old;
          end if;
          if old.state <> 'draft' and (
               new.fiscal_year, new.stage, new.import_id, new.source_document_id, new.line_count,
               new.fonctionnement_recette, new.fonctionnement_depense, new.investissement_recette,
               new.investissement_depense, new.published_at
             ) is distinct from (
               old.fiscal_year, old.stage, old.import_id, old.source_document_id, old.line_count,
               old.fonctionnement_recette, old.fonctionnement_depense, old.investissement_recette,
               old.investissement_depense, old.published_at
             ) then
            raise exception 'a published budget cannot be changed';
          end if;
          if (old.state = 'published' and new.state not in ('published', 'superseded'))
             or (old.state = 'superseded' and (new.state, new.superseded_at, new.superseded_by)
                 is distinct from (old.state, old.superseded_at, old.superseded_by)) then
            raise exception 'a budget cannot go from % back to %', old.state, new.state;
          end if;
          return new;
        end $$;
      create trigger budgets_guard before update or delete on budgets
        for each row execute function budgets_guard();

      -- Lines are written once, into a draft (checked per statement: a 50,000-line commit is
      -- one insert), and never updated; they go only with their draft budget (cascade).
      create or replace function budget_lines_insert_guard() returns trigger
        language plpgsql as $$
        begin
          if exists (select 1 from inserted i join budgets b on b.commune_id = i.commune_id and b.id = i.budget_id
                     where b.state <> 'draft') then
            raise exception 'lines can only be added to a draft budget';
          end if;
          return null;
        end $$;
      create trigger budget_lines_insert_guard after insert on budget_lines
        referencing new table as inserted for each statement execute function budget_lines_insert_guard();
      create or replace function budget_lines_immutable() returns trigger
        language plpgsql as $$ begin raise exception 'budget lines cannot be changed'; end $$;
      create trigger budget_lines_immutable before update on budget_lines
        for each statement execute function budget_lines_immutable();
    `);

    await q.query(`
      alter table budget_imports enable row level security;
      alter table budget_imports force row level security;
      alter table budgets enable row level security;
      alter table budgets force row level security;
      alter table budget_lines enable row level security;
      alter table budget_lines force row level security;

      create policy budget_imports_staff on budget_imports for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');

      create policy budgets_staff on budgets for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy budgets_public_read on budgets for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and state <> 'draft');

      create policy budget_lines_staff on budget_lines for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      -- A line is public when its budget is (the subquery itself goes through budgets' policies).
      create policy budget_lines_public_read on budget_lines for select
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'observer', 'platform')
               and exists (select 1 from budgets b
                           where b.commune_id = budget_lines.commune_id and b.id = budget_lines.budget_id
                             and b.state <> 'draft'));

      -- No delete on lines (they go with their draft, by cascade) and no update (immutable).
      grant select, insert, update on budget_imports to communes_app;
      grant select, insert, update, delete on budgets to communes_app;
      grant select, insert on budget_lines to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists budget_lines, budgets, budget_imports cascade;
      drop function if exists budgets_guard(), budget_lines_insert_guard(), budget_lines_immutable();
      drop type if exists budget_import_status, budget_direction, budget_section, budget_state, budget_stage;
    `);
  }
}
