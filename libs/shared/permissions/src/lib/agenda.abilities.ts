import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/** The mayor's agenda: public once published (or cancelled, with the reason); kept by editors and admins. */
export function defineAgendaRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'AgendaEvent', { state: { $in: ['published', 'cancelled'] } });
  for (const { communeId, role } of actor.memberships) {
    can('read', 'AgendaEvent', { communeId });
    if (role === 'admin' || role === 'editor') {
      can(['create', 'update', 'delete', 'publish'], 'AgendaEvent', { communeId });
    }
  }
}
