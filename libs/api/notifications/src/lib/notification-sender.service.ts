import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { MailTransport } from './mail-transport';
import { NotificationLanguage, PERSONAL_TEMPLATES, renderEmail } from './notification-templates';
import { UnsubscribeTokens } from './unsubscribe-token';

/** Waits after the 1st, 2nd… failed attempt; after the last one the email is `failed`. */
export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const BATCH_SIZE = 20;
/** nodemailer's codes for "the server cannot be reached": no use trying the rest of the batch now. */
const SERVER_UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED']);

interface DueRow {
  communeId: string;
  id: string;
  recipientUserId: string;
  recipientEmail: string;
  template: string;
  params: Record<string, unknown>;
  language: NotificationLanguage;
  attempts: number;
  communeSlug: string;
  communeName: string;
  /** False once the recipient unfollowed the commune (or stopped every email) after it was queued. */
  wanted: boolean;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  /** The SMTP server could not be reached: the run stopped there. */
  unreachable?: boolean;
}

/**
 * Sends the notification outbox, like the search indexer drains its own: on a timer
 * (BACKGROUND_JOBS_INTERVAL_MS), in batches locked with `for update skip locked` so that two
 * replicas never send the same row at once. A row leaves `pending` only when the SMTP server
 * has accepted it (`sent`) or after its last attempt (`failed`); if the process stops in
 * between, the row stays pending and is sent on the next start (at least once, never lost).
 * An email whose recipient unsubscribed after it was queued is `cancelled`, not sent.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DrainResult> | null = null;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly transport: MailTransport,
    private readonly tokens: UnsubscribeTokens,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.BACKGROUND_JOBS_INTERVAL_MS;
    if (interval > 0) {
      this.timer = setInterval(() => void this.drain().catch((error: unknown) => this.logger.error(String(error))), interval);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Sends what is due, batch after batch (at most `maxBatches`). */
  drain(maxBatches = 10): Promise<DrainResult> {
    this.running ??= this.drainBatches(maxBatches).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainBatches(maxBatches: number): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const result = await this.tx.run({ communeId: null, userId: null, scope: 'mailer' }, () => this.sendBatch());
      total.sent += result.sent;
      total.retried += result.retried;
      total.failed += result.failed;
      total.cancelled += result.cancelled;
      if (result.unreachable) {
        total.unreachable = true;
        break;
      }
      if (result.sent + result.retried + result.failed + result.cancelled < BATCH_SIZE) break;
    }
    return total;
  }

  /** One transaction: lock due rows, send each, record each outcome; the locks end with it. */
  private async sendBatch(): Promise<DrainResult> {
    const rows = await this.tx.query<DueRow>(
      `select o.commune_id as "communeId", o.id::text, o.recipient_user_id as "recipientUserId",
              o.recipient_email as "recipientEmail", o.template, o.params, o.language, o.attempts,
              c.slug as "communeSlug", c.name as "communeName",
              coalesce(p.emails_enabled, true)
                and (o.template = any($2::text[])
                     or exists (select 1 from commune_follows f where f.commune_id = o.commune_id and f.user_id = o.recipient_user_id)) as wanted
       from notification_outbox o
       join communes c on c.id = o.commune_id
       left join notification_preferences p on p.user_id = o.recipient_user_id
       where o.status = 'pending' and o.next_attempt_at <= now()
       order by o.next_attempt_at, o.id
       limit $1
       for update of o skip locked`,
      [BATCH_SIZE, PERSONAL_TEMPLATES],
    );
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
    for (const row of rows) {
      if (!row.wanted) {
        await this.tx.query(
          `update notification_outbox set status = 'cancelled', last_error = 'unsubscribed before it was sent'
           where commune_id = $1 and id = $2 returning id`,
          [row.communeId, row.id],
        );
        result.cancelled += 1;
        continue;
      }
      try {
        await this.transport.send(this.compose(row));
        await this.tx.query(
          `update notification_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
           where commune_id = $1 and id = $2 returning id`,
          [row.communeId, row.id],
        );
        result.sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        if (attempts >= MAX_ATTEMPTS) {
          this.logger.error(`Email ${row.id} (${row.template}) failed after ${attempts} attempts: ${message}`);
          result.failed += 1;
        } else {
          result.retried += 1;
        }
        await this.tx.query(
          `update notification_outbox
           set attempts = $3, last_error = $4,
               status = case when $5::integer is null then 'failed' else 'pending' end,
               next_attempt_at = now() + make_interval(secs => coalesce($5::integer, 0))
           where commune_id = $1 and id = $2 returning id`,
          [row.communeId, row.id, attempts, message.slice(0, 2000), attempts >= MAX_ATTEMPTS ? null : RETRY_DELAYS_SECONDS[attempts - 1]],
        );
        // One attempt is counted for this email only; the others wait for the next run.
        if (SERVER_UNREACHABLE.has(String((error as { code?: unknown }).code))) {
          result.unreachable = true;
          break;
        }
      }
    }
    return result;
  }

  private compose(row: DueRow) {
    const personal = PERSONAL_TEMPLATES.includes(row.template);
    const unsubscribeAllUrl = this.unsubscribeUrl(row.recipientUserId, null);
    const unsubscribeUrl = personal ? unsubscribeAllUrl : this.unsubscribeUrl(row.recipientUserId, row.communeId);
    const rendered = renderEmail({
      template: row.template,
      language: row.language,
      params: row.params,
      commune: { slug: row.communeSlug, name: row.communeName },
      publicUrl: this.config.PUBLIC_URL.replace(/\/+$/, ''),
      unsubscribeUrl,
      unsubscribeAllUrl,
    });
    return {
      to: row.recipientEmail,
      ...rendered,
      language: row.language,
      // RFC 2369 + RFC 8058: mail clients show an "unsubscribe" button that POSTs to this URL.
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private unsubscribeUrl(userId: string, communeId: string | null): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/unsubscribe/${this.tokens.sign({ userId, communeId })}`;
  }
}
