import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Good practices. Published ones are public (the national library). A commune's members read
 * all of their commune's practices; its editors and admins write them (create, update, delete a
 * draft) and submit them to ANCB (an `update` of their own). ANCB (`platform_admin`)
 * reads every practice once submitted, never a draft, and decides: publish or ask for changes
 * or reject a submitted one (`change_status`), take a published one off the library
 * (`withdraw`). ANCB never edits a commune's text. Which move is legal from which status is the
 * service's rule (409 otherwise); these rules say who.
 */
export function defineGoodPracticeRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'GoodPractice', { status: 'published' });
  for (const { communeId, role } of actor.memberships) {
    can('read', 'GoodPractice', { communeId });
    if (role === 'admin' || role === 'editor') can(['create', 'update', 'delete'], 'GoodPractice', { communeId });
  }
  if (actor.platformRole === 'platform_admin') {
    can('read', 'GoodPractice', { status: { $in: ['submitted', 'changes_requested', 'published', 'rejected', 'unpublished'] } });
    can('change_status', 'GoodPractice', { status: 'submitted' });
    can('withdraw', 'GoodPractice', { status: 'published' });
  }
}
