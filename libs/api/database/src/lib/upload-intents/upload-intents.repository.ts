import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenant/tenant-transaction';

export interface ExpiredUploadIntent {
  communeId: string;
  objectKey: string;
}

/**
 * `upload_intents` (migration 1764260000000): keys of objects written to storage that no row may
 * name yet (an upload under way) or any longer (a replaced logo, until its object is removed).
 * Every feature that writes objects records its key here before the write and forgets it in the
 * transaction that saves the row naming it; the documents' `UploadIntentSweeper` removes what an
 * interrupted upload left.
 * Who may record which keys is the policies' business (staff: any key of their commune; citizens:
 * the photos of their feedback; ANCB: the logo of a commune it onboards, migration 1764800000000).
 */
@Injectable()
export class UploadIntentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Before the object is written, in its own committed transaction. */
  async record(communeId: string, objectKey: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query('insert into upload_intents (commune_id, object_key) values ($1, $2)', [communeId, objectKey]);
  }

  /** In the transaction that saves the row naming the object (or once a failed upload removed it). */
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
