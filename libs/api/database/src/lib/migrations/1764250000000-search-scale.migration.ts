import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded search engine at 1,000,000 records (tools/bench/README.md, search): a search reads
 * a bounded number of matches (PostgresSearchEngine), found through indexes only.
 *
 * 1. Typo tolerance without a trigram test on every record (that test, on each of 1,000,000 rows,
 *    was most of the cost). `search_vocabulary` holds every word (lower case, accents removed,
 *    letters only, 4 to 40 of them) of the records ever indexed: titles, bodies, commune names.
 *    It grows with the language, not with the records (tens of thousands of rows). A query word
 *    that is not in it is looked up here by trigram similarity, and its corrections join the
 *    full-text query ("constructon" → "construction"), which the GIN index then answers.
 *    - Filled by a statement-level trigger on `search_records` (one insert per statement, from
 *      its transition table), so every writer keeps it up to date without knowing about it. The
 *      function is SECURITY DEFINER because the app role may only read the vocabulary.
 *    - Words are never removed: they come from published records only (public by definition),
 *      and a word left over by a withdrawn record only adds a correction that matches nothing.
 *    - No commune column and no RLS: a shared, public list of words of published records.
 *
 * 2. Indexes in the order of the date and amount sorts (descending, records without a value
 *    last, then id): the first matches in that order are then an index walk, not a sort of every
 *    match. Ascending sorts use the indexes of migration 1763900000000.
 */
export class SearchScale1764250000000 implements MigrationInterface {
  name = 'SearchScale1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table search_vocabulary (
        word text primary key check (word ~ '^[a-z]{4,40}$')
      );
      create index search_vocabulary_trigram_idx on search_vocabulary using gin (word gin_trgm_ops);

      -- The words of a record as the vocabulary keeps them (the body capped like its tsvector).
      create function search_record_words(title text, body text, commune_name text) returns setof text
        language sql immutable parallel safe
        as $$
          select distinct w.word
          from regexp_split_to_table(
                 lower(public.immutable_unaccent(title || ' ' || left(body, 500000) || ' ' || commune_name)),
                 '[^a-z]+') as w(word)
          where length(w.word) between 4 and 40
        $$;

      create function search_vocabulary_collect() returns trigger
        language plpgsql security definer set search_path = public, pg_temp
        as $$
        begin
          insert into search_vocabulary (word)
          select distinct w.word
          from new_records r, search_record_words(r.title, r.body, r.commune_name) as w(word)
          on conflict (word) do nothing;
          return null;
        end
        $$;
      revoke all on function search_vocabulary_collect() from public;

      create trigger search_records_vocabulary_insert after insert on search_records
        referencing new table as new_records for each statement execute function search_vocabulary_collect();
      create trigger search_records_vocabulary_update after update on search_records
        referencing new table as new_records for each statement execute function search_vocabulary_collect();

      insert into search_vocabulary (word)
      select distinct w.word
      from search_records r, search_record_words(r.title, r.body, r.commune_name) as w(word)
      on conflict (word) do nothing;

      grant select on search_vocabulary to communes_app;

      create index search_records_date_desc_idx on search_records (record_date collate "C" desc nulls last, id);
      create index search_records_amount_desc_idx on search_records (amount desc nulls last, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists search_records_amount_desc_idx;
      drop index if exists search_records_date_desc_idx;
      drop trigger if exists search_records_vocabulary_update on search_records;
      drop trigger if exists search_records_vocabulary_insert on search_records;
      drop function if exists search_vocabulary_collect();
      drop function if exists search_record_words(text, text, text);
      drop table if exists search_vocabulary;
    `);
  }
}
