import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed or interrupted upload leaves no orphan object (issue 3): before an object is written to
 * storage, the upload records its key here, in its own committed transaction; the transaction that
 * then writes the document version deletes the intent, so either the version exists or the intent
 * does. A process that dies between the two (crash, deploy) leaves an intent, and the
 * `UploadIntentSweeper` removes its object and the intent once it is older than an hour (no
 * upload takes that long: the bytes are already on local disk when the intent is written).
 *
 * - Intents of one commune are written and deleted by its staff (the uploader), in the staff
 *   scope like the versions; the sweeper works across communes in the `worker` scope, which can
 *   read and delete intents and nothing else here.
 */
export class UploadIntents1764260000000 implements MigrationInterface {
  name = 'UploadIntents1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table upload_intents (
        commune_id uuid not null references communes (id),
        object_key text not null check (length(object_key) between 1 and 500),
        created_at timestamptz not null default now(),
        primary key (object_key)
      );
      create index upload_intents_created_idx on upload_intents (created_at);

      alter table upload_intents enable row level security;
      alter table upload_intents force row level security;
      create policy upload_intents_staff on upload_intents for all
        using (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff')
        with check (commune_id = (select app_current_commune_id()) and (select app_current_scope()) = 'staff');
      create policy upload_intents_worker_read on upload_intents for select
        using ((select app_current_scope()) = 'worker');
      create policy upload_intents_worker_delete on upload_intents for delete
        using ((select app_current_scope()) = 'worker');

      grant select, insert, delete on upload_intents to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists upload_intents');
  }
}
