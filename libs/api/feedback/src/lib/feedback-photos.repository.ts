import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface FeedbackPhotoRecord {
  id: string;
  feedbackId: string;
  position: number;
  objectKey: string;
  /** The small copy for lists (null on photos stored before thumbnails existed). */
  thumbnailKey: string | null;
  mediaType: string;
  sizeBytes: number;
  width: number;
  height: number;
  sha256: string;
  createdAt: Date;
}

export interface NewFeedbackPhoto {
  id: string;
  feedbackId: string;
  objectKey: string;
  thumbnailKey: string;
  mediaType: string;
  sizeBytes: number;
  width: number;
  height: number;
  sha256: string;
}

const COLUMNS = `id, feedback_id as "feedbackId", position, object_key as "objectKey", thumbnail_key as "thumbnailKey", media_type as "mediaType",
  size_bytes as "sizeBytes", width, height, sha256, created_at as "createdAt"`;

/**
 * `feedback_photos` (migration 1764720000000): visible when their feedback is (RLS), added by the
 * feedback's author, who may also remove them within the same window (migration 1764900000000).
 * Their upload intents are the shared `UploadIntentsRepository`'s (a policy of
 * that migration lets the author record the keys of their own feedback's photos).
 */
@Injectable()
export class FeedbackPhotosRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async count(communeId: string, feedbackId: string): Promise<number> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ count: number }>(
      `select count(*)::int as count from feedback_photos where commune_id = $1 and feedback_id = $2`,
      [communeId, feedbackId],
    );
    return row.count;
  }

  async find(communeId: string, feedbackId: string, photoId: string): Promise<FeedbackPhotoRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<FeedbackPhotoRecord>(
      `select ${COLUMNS} from feedback_photos where commune_id = $1 and feedback_id = $2 and id = $3`,
      [communeId, feedbackId, photoId],
    );
    return rows[0] ?? null;
  }

  /**
   * Takes the first free position (1 to 4; a removed photo frees its place): two concurrent
   * uploads computing the same one collide on the unique (feedback, position) and the later one is
   * refused; with all four taken the position is 5, which the check refuses.
   */
  async insert(communeId: string, photo: NewFeedbackPhoto): Promise<FeedbackPhotoRecord> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<FeedbackPhotoRecord>(
      `insert into feedback_photos (commune_id, id, feedback_id, position, object_key, thumbnail_key, media_type, size_bytes, width, height, sha256)
       select $1, $2, $3, min(free.position), $4, $10, $5, $6, $7, $8, $9
       from generate_series(1, 5) as free(position)
       where not exists (select 1 from feedback_photos taken
                         where taken.commune_id = $1 and taken.feedback_id = $3 and taken.position = free.position)
       returning ${COLUMNS}`,
      [communeId, photo.id, photo.feedbackId, photo.objectKey, photo.mediaType, photo.sizeBytes, photo.width, photo.height, photo.sha256, photo.thumbnailKey],
    );
    return row;
  }

  /**
   * Removes the photo's row (RLS: its feedback's author, within the window) and returns the keys of
   * its objects, or null when there was no such row to remove.
   */
  async remove(communeId: string, feedbackId: string, photoId: string): Promise<{ objectKey: string; thumbnailKey: string | null } | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ objectKey: string; thumbnailKey: string | null }>(
      `delete from feedback_photos where commune_id = $1 and feedback_id = $2 and id = $3
       returning object_key as "objectKey", thumbnail_key as "thumbnailKey"`,
      [communeId, feedbackId, photoId],
    );
    return rows[0] ?? null;
  }

  /** Sets the feedback's position once, when it has none (the author shared the place of a photo). */
  async locateFeedback(communeId: string, feedbackId: string, position: { latitude: number; longitude: number }): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update feedback set latitude = $3, longitude = $4, updated_at = now()
       where commune_id = $1 and id = $2 and latitude is null returning id`,
      [communeId, feedbackId, position.latitude, position.longitude],
    );
    return rows.length === 1;
  }
}
