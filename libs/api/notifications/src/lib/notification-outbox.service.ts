import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { NotificationTemplate } from './notification-templates';

/**
 * What feature services call, inside the transaction of their event, to queue emails: the
 * emails exist exactly when the event is committed. The followers are read by the database
 * function `notification_enqueue()` (the staff scope cannot read them); only a count comes back.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly tx: TenantTransaction) {}

  /** One email to each follower of the commune (with an email address and emails on). */
  toFollowers(communeId: string, template: NotificationTemplate, params: Record<string, string | number | null>): Promise<number> {
    return this.enqueue(communeId, template, params, null);
  }

  /** One email to one account (e.g. the author of answered feedback), if it has an email address and emails on. */
  toAccount(communeId: string, userId: string | null, template: NotificationTemplate, params: Record<string, string | number | null>): Promise<number> {
    if (!userId) return Promise.resolve(0);
    return this.enqueue(communeId, template, params, userId);
  }

  /**
   * One email to each ANCB reviewer (the `platform_admin` accounts; not the ministry's
   * observers), if it has an email address and emails on. Accounts are global, not the
   * commune's: the email is queued in the commune whose business it is.
   */
  async toPlatformAdmins(communeId: string, template: NotificationTemplate, params: Record<string, string | number | null>): Promise<number> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ queued: number }>(
      `select coalesce(sum(notification_enqueue($1, $2::jsonb, u.id)), 0)::int as queued
       from users u where u.platform_role = 'platform_admin'`,
      [template, JSON.stringify(params)],
    );
    return row.queued;
  }

  private async enqueue(communeId: string, template: NotificationTemplate, params: Record<string, string | number | null>, userId: string | null): Promise<number> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ queued: number }>(`select notification_enqueue($1, $2::jsonb, $3::uuid) as queued`, [template, JSON.stringify(params), userId]);
    return row.queued;
  }
}
