import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Council and accountability sessions. Anyone follows a session once it is scheduled (drafts are
 * the staff's); editors and admins schedule, change, run (live status) and document them. Any
 * account asks questions; visible questions are public, a hidden one is read by its author
 * (who is told why) and the commune's staff. Editors and admins answer; moderators, editors and
 * admins hide a question with a reason (DESIGN.md: moderators hide reported citizen content).
 */
export function defineCouncilSessionRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'CouncilSession', { status: { $in: ['scheduled', 'live', 'ended', 'cancelled'] } });
  can('read', 'SessionQuestion', { hidden: false });
  if (actor.userId) {
    can('read', 'SessionQuestion', { authorId: actor.userId });
    can('create', 'SessionQuestion');
  }
  for (const { communeId, role } of actor.memberships) {
    can('read', ['CouncilSession', 'SessionQuestion'], { communeId });
    can('change_status', 'SessionQuestion', { communeId });
    if (role === 'admin' || role === 'editor') {
      can(['create', 'update', 'delete', 'publish'], 'CouncilSession', { communeId });
      can('update', 'SessionQuestion', { communeId });
    }
  }
}
