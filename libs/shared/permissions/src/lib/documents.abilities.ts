import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Published documents (and the trace of withdrawn ones) are public. A commune's editors and
 * admins write and publish; its moderators read drafts too. ANCB and the ministry read what is
 * published and never edit a commune's content.
 */
export function defineDocumentRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'Document', { state: { $in: ['published', 'withdrawn'] } });
  for (const { communeId, role } of actor.memberships) {
    can('read', 'Document', { communeId });
    if (role === 'admin' || role === 'editor') {
      can(['create', 'update', 'publish', 'withdraw'], 'Document', { communeId });
    }
  }
}
