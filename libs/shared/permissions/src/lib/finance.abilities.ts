import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Budgets and contracts awarded follow the documents' rule: published ones are public; the
 * commune's editors and admins import, correct and publish them; its moderators read drafts.
 * ANCB and the ministry read what is published.
 */
export function defineFinanceRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', ['Budget', 'Contract'], { state: 'published' });
  for (const { communeId, role } of actor.memberships) {
    can('read', ['Budget', 'Contract'], { communeId });
    if (role === 'admin' || role === 'editor') {
      can(['create', 'update', 'delete', 'publish'], ['Budget', 'Contract'], { communeId });
    }
  }
}
