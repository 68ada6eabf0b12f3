import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Email notifications. A signed-in account follows and unfollows communes for itself only; who
 * follows a commune is never shown to anyone else (not its staff, not ANCB, not the ministry).
 * ANCB sees the emails that could not be delivered (recipients masked), to fix the mail setup.
 */
export function defineNotificationRules(actor: Actor, { can }: RuleBuilder): void {
  if (actor.userId) can(['read', 'create', 'delete'], 'Follow', { userId: actor.userId });
  if (actor.platformRole === 'platform_admin') can('read', 'NotificationDelivery');
}
