import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * News of a commune: public once published; drafts and withdrawn articles are the staff's. Editors
 * and admins write, publish and withdraw them (DESIGN.md: the communication officer is an editor);
 * moderators read them. ANCB and the ministry read published news only.
 */
export function defineNewsRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'News', { state: 'published' });
  for (const { communeId, role } of actor.memberships) {
    can('read', 'News', { communeId });
    if (role === 'admin' || role === 'editor') can(['create', 'update', 'publish', 'withdraw'], 'News', { communeId });
  }
}
