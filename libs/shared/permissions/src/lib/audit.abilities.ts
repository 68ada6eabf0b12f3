import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/** The audit trail is read by the commune's admin and by ANCB; nobody writes it by hand. */
export function defineAuditRules(actor: Actor, { can }: RuleBuilder): void {
  for (const { communeId, role } of actor.memberships) {
    if (role === 'admin') can('read', 'AuditEvent', { communeId });
  }
  if (actor.platformRole === 'platform_admin') can('read', 'AuditEvent');
}
