import type { Actor } from './actor';
import { AppAbility, createRuleBuilder } from './app-ability';
import { defineAuditRules } from './audit.abilities';
import { defineCommuneRules } from './communes.abilities';
import { defineMemberRules } from './members.abilities';

/**
 * One ability per request, composed from each feature's rules. The ministry reads everything
 * and changes nothing, whatever else its account holds: it gets read rules only.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = createRuleBuilder();
  if (actor.platformRole === 'ministry_observer') {
    builder.can('read', ['Commune', 'Membership', 'Invitation', 'AuditEvent']);
    return builder.build();
  }
  defineCommuneRules(actor, builder);
  defineMemberRules(actor, builder);
  defineAuditRules(actor, builder);
  return builder.build();
}
