import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Debates. Open and closed topics, and comments not hidden by moderation, are public. Any
 * signed-in account (a citizen) comments, replies and reacts; it always reads its own comments,
 * hidden or not (to see why). A commune's editors and admins open topics and answer officially;
 * its moderators and admins hide and restore comments (`change_status`), with a reason.
 */
export function defineDebateRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'DebateTopic', { state: { $in: ['open', 'closed'] } });
  can('read', 'DebateComment', { hidden: false });
  if (actor.userId) {
    can('read', 'DebateComment', { authorId: actor.userId });
    can('create', 'DebateComment');
    can('support', 'DebateComment', { hidden: false });
  }
  for (const { communeId, role } of actor.memberships) {
    can('read', ['DebateTopic', 'DebateComment'], { communeId });
    if (role === 'admin' || role === 'editor') can(['create', 'update', 'delete', 'publish'], 'DebateTopic', { communeId });
    if (role === 'admin' || role === 'moderator') can('change_status', 'DebateComment', { communeId });
  }
}
