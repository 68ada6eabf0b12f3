import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos of doléances and suggestions (issue 5): up to 4 per feedback, added by its author right
 * after sending it (one request per photo, so a flaky connection loses one photo, never the
 * feedback). The stored bytes are a re-encoding without any metadata (no EXIF, no GPS).
 *
 * Who sees what:
 * - a photo is visible exactly when its feedback is visible to the caller (the feedback's own
 *   policies: public feedback to everyone, private to its author and the commune's staff);
 * - only the feedback's author adds photos (public scope, or staff scope when the author is a
 *   member of the commune), checked against the feedback row.
 * - the author may set the feedback's position once (latitude/longitude still empty, feedback
 *   still untouched by staff, within a day of sending) from a photo's GPS when they chose to
 *   share the place: `feedback_own_locate`. Its check keeps everything staff decide empty.
 * - upload intents (a key written to storage before its row): the author records and forgets the
 *   intents of feedback photo keys in the public scope; the documents' sweeper removes orphans.
 */
export class FeedbackPhotos1764720000000 implements MigrationInterface {
  name = 'FeedbackPhotos1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table feedback_photos (
        commune_id uuid not null,
        id uuid not null default gen_random_uuid(),
        feedback_id uuid not null,
        position smallint not null check (position between 1 and 4),
        object_key text not null unique check (length(object_key) between 1 and 500),
        media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
        size_bytes integer not null check (size_bytes > 0),
        width integer not null check (width > 0),
        height integer not null check (height > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz not null default now(),
        primary key (commune_id, id),
        unique (commune_id, feedback_id, position),
        foreign key (commune_id, feedback_id) references feedback (commune_id, id) on delete cascade
      );
      alter table feedback_photos enable row level security;
      alter table feedback_photos force row level security;
      create policy feedback_photos_read on feedback_photos for select
        using (commune_id = (select app_current_commune_id())
               and exists (select 1 from feedback f where f.commune_id = feedback_photos.commune_id and f.id = feedback_photos.feedback_id));
      create policy feedback_photos_author_insert on feedback_photos for insert
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and exists (select 1 from feedback f
                           where f.commune_id = feedback_photos.commune_id and f.id = feedback_photos.feedback_id
                             and f.author_id = (select app_current_user_id())));

      create policy feedback_own_locate on feedback for update
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public'
               and author_id = (select app_current_user_id())
               and latitude is null and status = 'received'
               and created_at > now() - interval '1 day')
        with check (commune_id = (select app_current_commune_id())
               and author_id = (select app_current_user_id())
               and status = 'received' and assignee_id is null and answer is null
               and first_response_at is null and closed_at is null);

      create policy upload_intents_feedback_photos on upload_intents for all
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public' and (select app_current_user_id()) is not null
               and object_key like 'communes/' || commune_id::text || '/feedback-photos/%')
        with check (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) = 'public' and (select app_current_user_id()) is not null
               and object_key like 'communes/' || commune_id::text || '/feedback-photos/%');

      grant select, insert on feedback_photos to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop policy if exists upload_intents_feedback_photos on upload_intents;
      drop policy if exists feedback_own_locate on feedback;
      drop table if exists feedback_photos;
    `);
  }
}
