export * from './lib/notifications.module';
export * from './lib/notification-outbox.service';
export * from './lib/notification-sender.service';
export * from './lib/mail-transport';
export * from './lib/notification-templates';
export * from './lib/unsubscribe-token';
