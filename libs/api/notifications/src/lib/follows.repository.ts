import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface FollowRecord {
  communeSlug: string;
  communeName: string;
  followedAt: Date;
}

export interface NotificationPreferencesRecord {
  language: 'fr' | 'en';
  emailsEnabled: boolean;
}

export interface FailedDeliveryRecord {
  id: string;
  communeSlug: string;
  recipientEmail: string;
  template: string;
  language: 'fr' | 'en';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date;
}

/**
 * Follows and preferences run in the `self` scope (RLS shows an account its own rows only);
 * the failed deliveries in the `mailer` scope.
 */
@Injectable()
export class FollowsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async follow(communeId: string, userId: string): Promise<void> {
    await this.tx.query(`insert into commune_follows (commune_id, user_id) values ($1, $2) on conflict do nothing`, [communeId, userId]);
  }

  async unfollow(communeId: string, userId: string): Promise<number> {
    const rows = await this.tx.query(`delete from commune_follows where commune_id = $1 and user_id = $2 returning commune_id`, [communeId, userId]);
    return rows.length;
  }

  async unfollowAll(userId: string): Promise<number> {
    const rows = await this.tx.query(`delete from commune_follows where user_id = $1 returning commune_id`, [userId]);
    return rows.length;
  }

  list(userId: string): Promise<FollowRecord[]> {
    return this.tx.query<FollowRecord>(
      `select c.slug as "communeSlug", c.name as "communeName", f.created_at as "followedAt"
       from commune_follows f join communes c on c.id = f.commune_id
       where f.user_id = $1 order by c.name`,
      [userId],
    );
  }

  async preferences(userId: string): Promise<NotificationPreferencesRecord> {
    const [row] = await this.tx.query<NotificationPreferencesRecord>(
      `select language, emails_enabled as "emailsEnabled" from notification_preferences where user_id = $1`,
      [userId],
    );
    return row ?? { language: 'fr', emailsEnabled: true };
  }

  async savePreferences(userId: string, change: Partial<NotificationPreferencesRecord>): Promise<NotificationPreferencesRecord> {
    const [row] = await this.tx.query<NotificationPreferencesRecord>(
      `insert into notification_preferences (user_id, language, emails_enabled) values ($1, coalesce($2, 'fr'), coalesce($3, true))
       on conflict (user_id) do update
         set language = coalesce($2, notification_preferences.language),
             emails_enabled = coalesce($3, notification_preferences.emails_enabled),
             updated_at = now()
       returning language, emails_enabled as "emailsEnabled"`,
      [userId, change.language ?? null, change.emailsEnabled ?? null],
    );
    return row;
  }

  failedDeliveries(limit: number): Promise<FailedDeliveryRecord[]> {
    return this.tx.query<FailedDeliveryRecord>(
      `select o.id::text, c.slug as "communeSlug", o.recipient_email as "recipientEmail", o.template, o.language,
              o.attempts, o.last_error as "lastError", o.created_at as "createdAt", o.next_attempt_at as "lastAttemptAt"
       from notification_outbox o join communes c on c.id = o.commune_id
       where o.status = 'failed' order by o.created_at desc, o.id desc limit $1`,
      [limit],
    );
  }
}
