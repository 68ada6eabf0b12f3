import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface ExpiredUploadIntent {
  communeId: string;
  objectKey: string;
}

/** `upload_intents` (migration 1764260000000): keys written to storage whose version row may not exist. */
@Injectable()
export class UploadIntentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** In the uploader's staff transaction. */
  async record(communeId: string, objectKey: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query('insert into upload_intents (commune_id, object_key) values ($1, $2)', [communeId, objectKey]);
  }

  /** In the transaction that writes the version (or after a failed upload removed its object). */
  async forget(communeId: string, objectKey: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query('delete from upload_intents where commune_id = $1 and object_key = $2', [communeId, objectKey]);
  }

  /** Worker scope: intents older than `olderThanSeconds`, oldest first. */
  expired(olderThanSeconds: number, limit: number): Promise<ExpiredUploadIntent[]> {
    return this.tx.query<ExpiredUploadIntent>(
      `select commune_id as "communeId", object_key as "objectKey" from upload_intents
       where created_at < now() - make_interval(secs => $1)
       order by created_at limit $2`,
      [olderThanSeconds, limit],
    );
  }

  /** Worker scope, once the object is gone. */
  async remove(objectKey: string): Promise<void> {
    await this.tx.query('delete from upload_intents where object_key = $1', [objectKey]);
  }
}
