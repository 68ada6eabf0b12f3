import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email queued before its recipient unsubscribed must not go out: the sending worker (the
 * `mailer` scope) reads follows and preferences when it sends, and marks such emails `cancelled`.
 * Staff still never read them.
 */
export class NotificationsCancel1764600000001 implements MigrationInterface {
  name = 'NotificationsCancel1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create policy commune_follows_mailer on commune_follows for select
        using ((select app_current_scope()) = 'mailer');
      create policy notification_preferences_mailer on notification_preferences for select
        using ((select app_current_scope()) = 'mailer');
      alter table notification_outbox drop constraint notification_outbox_status_check;
      alter table notification_outbox add constraint notification_outbox_status_check
        check (status in ('pending', 'sent', 'failed', 'cancelled'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      update notification_outbox set status = 'failed', last_error = 'cancelled' where status = 'cancelled';
      alter table notification_outbox drop constraint notification_outbox_status_check;
      alter table notification_outbox add constraint notification_outbox_status_check check (status in ('pending', 'sent', 'failed'));
      drop policy if exists notification_preferences_mailer on notification_preferences;
      drop policy if exists commune_follows_mailer on commune_follows;
    `);
  }
}
