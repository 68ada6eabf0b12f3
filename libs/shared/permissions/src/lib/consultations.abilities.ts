import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Consultations: public once published; any signed-in account (a citizen) answers, once. A
 * commune's editors and admins prepare, publish and close them; its moderators read drafts.
 * Whether results are visible yet (live, or after the close) is decided by the service.
 */
export function defineConsultationRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'Consultation', { state: 'published' });
  if (actor.userId) can('vote', 'Consultation', { state: 'published' });
  for (const { communeId, role } of actor.memberships) {
    can('read', 'Consultation', { communeId });
    if (role === 'admin' || role === 'editor') can(['create', 'update', 'delete', 'publish'], 'Consultation', { communeId });
  }
}
