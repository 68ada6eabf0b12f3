import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Moderation of citizen content. Anyone, signed in or not, reports a content they can read
 * (the ministry, which changes nothing, is left out by the factory). A commune's moderators and
 * admins read its queue of reported and hidden contents and decide: hide, restore, dismiss
 * (`change_status`), with a reason (DESIGN.md: "commune moderator: hide or restore reported
 * citizen content, with a reason"). Editors publish and answer; they do not moderate here.
 */
export function defineModerationRules(actor: Actor, { can }: RuleBuilder): void {
  can('create', 'ModerationReport');
  for (const { communeId, role } of actor.memberships) {
    if (role === 'admin' || role === 'moderator') {
      can('read', 'ModerationReport', { communeId });
      can(['read', 'change_status'], 'ModeratedContent', { communeId });
    }
  }
}
