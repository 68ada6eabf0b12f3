import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * Adoption figures (onboarding pipeline by month, status and department) are read by ANCB, who
 * runs the onboarding, and the ministry. The per-commune publication summary is not a rule here:
 * its route is public (see MonitoringController), being made of published facts only.
 */
export function defineMonitoringRules(actor: Actor, { can }: RuleBuilder): void {
  if (actor.platformRole === 'platform_admin' || actor.platformRole === 'ministry_observer') can('read', 'Monitoring');
}
