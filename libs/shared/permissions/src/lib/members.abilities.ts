import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * A commune's admin manages its members and invitations; its editors and moderators see the
 * team. ANCB invites a commune's first admin and follows who joined, but does not manage the
 * team afterwards.
 */
export function defineMemberRules(actor: Actor, { can }: RuleBuilder): void {
  for (const { communeId, role } of actor.memberships) {
    can('read', 'Membership', { communeId });
    if (role === 'admin') {
      can('update', 'Membership', { communeId });
      can('delete', 'Membership', { communeId });
      can('invite', 'Invitation', { communeId });
      can('read', 'Invitation', { communeId });
      can('delete', 'Invitation', { communeId });
    }
  }
  if (actor.platformRole === 'platform_admin') {
    can('read', 'Membership');
    can('invite', 'Invitation');
    can('read', 'Invitation');
    can('delete', 'Invitation');
  }
}
