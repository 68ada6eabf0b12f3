import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The author removes a photo of their feedback, within the same window as adding one (a day after
 * sending, before the commune handles it: `feedback_photos_author_insert` and
 * `feedback_own_locate`). Nobody else deletes a photo: moderators hide the whole feedback, with a
 * reason, reversibly (migration 1764700000000); the staff keep what they were sent.
 *
 * The removed photo's keys become upload intents in the same transaction (the author's
 * `upload_intents_feedback_photos` policy, or `upload_intents_staff` for an author who is staff),
 * so an object whose removal fails after the commit is left to the sweeper, never orphaned.
 */
export class FeedbackPhotoRemoval1764900000000 implements MigrationInterface {
  name = 'FeedbackPhotoRemoval1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create policy feedback_photos_author_delete on feedback_photos for delete
        using (commune_id = (select app_current_commune_id())
               and (select app_current_scope()) in ('public', 'staff')
               and exists (select 1 from feedback f
                           where f.commune_id = feedback_photos.commune_id and f.id = feedback_photos.feedback_id
                             and f.author_id = (select app_current_user_id())
                             and f.status = 'received'
                             and f.created_at > now() - interval '1 day'));
      grant delete on feedback_photos to communes_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      revoke delete on feedback_photos from communes_app;
      drop policy if exists feedback_photos_author_delete on feedback_photos;
    `);
  }
}
