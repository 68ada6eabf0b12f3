import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded search engine (DESIGN.md "Search"): one cross-commune table of published records,
 * written only by the outbox worker / reindex command and read by anyone.
 *
 * - `search_records` is PUBLIC by design: only published content is ever written to it, so reads
 *   need no commune filter (`select using (true)`). It still has `commune_id`, so RLS is enabled
 *   and FORCED like every tenant table; writes need the `indexer` scope, which only the search
 *   engine's own transactions set.
 * - `french_unaccent` = the `french` configuration with `unaccent` applied before stemming, so
 *   "ecole", "école" and "écoles" share the lexeme `ecol`. The same configuration is used to build
 *   the vector, parse the query and highlight the ORIGINAL text with `ts_headline` (each word of
 *   the text is normalized through the configuration, so "école" is marked for "ecole").
 * - `immutable_unaccent()` feeds the trigram index (typo tolerance): `unaccent(text)` is only
 *   STABLE (it depends on the search path), which index expressions and generated columns refuse;
 *   naming the dictionary and the function with their schema makes it safe to mark IMMUTABLE.
 * - No foreign key to `communes`: the index is a projection that can always be rebuilt from the
 *   source tables, never a source of truth.
 */
export class Search1763900000000 implements MigrationInterface {
  name = 'Search1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function immutable_unaccent(text) returns text
        language sql immutable parallel safe strict
        as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

      -- French stop words are accented ("à", "été"): drop them before unaccent turns them into
      -- ordinary words ("a", "ete"); other words go on to unaccent, then to the French stemmer.
      create text search dictionary public.french_stop (template = pg_catalog.simple, stopwords = french, accept = false);
      create text search configuration public.french_unaccent (copy = pg_catalog.french);
      alter text search configuration public.french_unaccent
        alter mapping for hword, hword_part, word with public.french_stop, public.unaccent, french_stem;
    `);

    await q.query(`
      create table search_records (
        id text primary key check (id ~ '^[a-z_]+:[^\\s]+$' and length(id) <= 200),
        kind text not null check (kind in ('document', 'budget_line', 'contract', 'session', 'agenda_event')),
        commune_id uuid not null,
        commune_slug text not null,
        commune_name text not null,
        department text not null,
        title text not null,
        body text not null default '',
        category text,
        fiscal_year integer check (fiscal_year between 1900 and 2200),
        amount bigint,
        -- ISO 8601 as sent by the writer (YYYY-MM-DD or a UTC timestamp): sorted as text ("C"
        -- collation), which is chronological for that format; kept as text to round-trip exactly.
        record_date text check (record_date ~ '^\\d{4}-\\d{2}-\\d{2}'),
        url text not null,
        -- sha256 of the record as the writer sent it, for verify-index (see searchRecordHash()).
        content_hash text not null,
        indexed_at timestamptz not null default now(),
        -- Weights: title A, body B, commune and category C. The body is capped so that a very
        -- long document cannot exceed the 1 MB tsvector limit and block the outbox.
        search_vector tsvector generated always as (
          setweight(to_tsvector('public.french_unaccent', title), 'A') ||
          setweight(to_tsvector('public.french_unaccent', left(body, 500000)), 'B') ||
          setweight(to_tsvector('public.french_unaccent',
            commune_name || ' ' || coalesce(replace(category, '_', ' '), '')), 'C')
        ) stored,
        -- What typo tolerance (pg_trgm word similarity) compares the query with.
        trigram_text text generated always as (lower(immutable_unaccent(title || ' ' || commune_name))) stored
      );

      create index search_records_vector_idx on search_records using gin (search_vector);
      create index search_records_trigram_idx on search_records using gin (trigram_text gin_trgm_ops);
      -- Filters and sorts.
      create index search_records_commune_date_idx on search_records (commune_id, record_date collate "C" desc);
      create index search_records_slug_idx on search_records (commune_slug);
      create index search_records_department_idx on search_records (department);
      create index search_records_kind_category_idx on search_records (kind, category);
      create index search_records_fiscal_year_idx on search_records (fiscal_year);
      create index search_records_amount_idx on search_records (amount);
      create index search_records_date_idx on search_records (record_date collate "C");

      alter table search_records enable row level security;
      alter table search_records force row level security;
      create policy search_records_read on search_records for select using (true);
      create policy search_records_indexer_insert on search_records for insert
        with check ((select app_current_scope()) = 'indexer');
      create policy search_records_indexer_update on search_records for update
        using ((select app_current_scope()) = 'indexer')
        with check ((select app_current_scope()) = 'indexer');
      create policy search_records_indexer_delete on search_records for delete
        using ((select app_current_scope()) = 'indexer');

      grant select, insert, update, delete on search_records to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists search_records;
      drop text search configuration if exists public.french_unaccent;
      drop text search dictionary if exists public.french_stop;
      drop function if exists immutable_unaccent(text);
    `);
  }
}
