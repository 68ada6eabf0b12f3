import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@communes/api-core';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { FollowsRepository } from './follows.repository';
import { MailTransport, mailTransportFor } from './mail-transport';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationSender } from './notification-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens, unsubscribeSecret } from './unsubscribe-token';

/**
 * `NotificationOutbox` for every feature (global, like the search outbox's sources): features
 * call it inside the transaction of their event. Register once, in the API module.
 */
@Global()
@Module({ providers: [NotificationOutbox], exports: [NotificationOutbox] })
export class NotificationOutboxModule {}

/** Follows, preferences, unsubscribe links, the sending worker and ANCB's failed list. */
@Module({
  imports: [AuthModule, CommunesModule, NotificationOutboxModule],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [
    FollowsRepository,
    NotificationsService,
    NotificationSender,
    { provide: MailTransport, inject: [AppConfig], useFactory: mailTransportFor },
    { provide: UnsubscribeTokens, inject: [AppConfig], useFactory: (config: AppConfig) => new UnsubscribeTokens(unsubscribeSecret(config)) },
  ],
  exports: [NotificationSender, MailTransport],
})
export class NotificationsModule {}
