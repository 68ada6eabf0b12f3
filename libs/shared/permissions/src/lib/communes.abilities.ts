import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * The directory is public. ANCB onboards communes, moves them through their statuses and ticks
 * their checklist. A commune's admin may update their own commune (settings, branding).
 */
export function defineCommuneRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'Commune');
  if (actor.platformRole === 'platform_admin') {
    can('create', 'Commune');
    can('change_status', 'Commune');
    can('update', 'Commune');
  }
  for (const membership of actor.memberships) {
    if (membership.role === 'admin') can('update', 'Commune', { communeId: membership.communeId });
  }
}
