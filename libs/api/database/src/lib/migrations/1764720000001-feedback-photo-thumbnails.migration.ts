import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A small copy of each feedback photo (320 px JPEG, no metadata) for lists, so that a page of
 * doléances costs a few kB per photo on a phone instead of the full photo. Stored beside the
 * photo under the same commune prefix; rows written before it have none (the full photo is
 * served instead).
 */
export class FeedbackPhotoThumbnails1764720000001 implements MigrationInterface {
  name = 'FeedbackPhotoThumbnails1764720000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table feedback_photos add column thumbnail_key text unique check (length(thumbnail_key) between 1 and 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table feedback_photos drop column if exists thumbnail_key`);
  }
}
