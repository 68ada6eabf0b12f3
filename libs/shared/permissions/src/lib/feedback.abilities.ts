import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Doléances and suggestions. Anyone reads public feedback; a signed-in account (every account is
 * a citizen) sends feedback, reads its own, and supports public feedback. A commune's staff read
 * every feedback sent to their commune (moderators included: they handle reported content);
 * editors and admins answer it, assign it and change its status (DESIGN.md: editors "answer
 * feedback"). ANCB and the ministry see public feedback only.
 */
export function defineFeedbackRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'Feedback', { visibility: 'public' });
  if (actor.userId) {
    can('read', 'Feedback', { authorId: actor.userId });
    can('create', 'Feedback');
    can('support', 'Feedback', { visibility: 'public' });
    // Their own photos only (within a day of sending: the service's rule). Staff and moderators
    // remove none: a moderator hides the whole feedback, with a reason, and can restore it.
    can('delete', 'FeedbackPhoto', { authorId: actor.userId });
  }
  for (const { communeId, role } of actor.memberships) {
    can('read', 'Feedback', { communeId });
    if (role === 'admin' || role === 'editor') can(['update', 'change_status'], 'Feedback', { communeId });
  }
}
