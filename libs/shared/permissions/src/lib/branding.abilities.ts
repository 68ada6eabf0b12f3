import type { Actor } from './actor';
import type { RuleBuilder } from './app-ability';

/**
 * A commune's page is public. Its admins present it (colours, logo, text, contact). ANCB sets it
 * up while onboarding the commune, and hands it over: once the commune is active, ANCB no longer
 * changes it (ANCB never edits a commune's content).
 */
export function defineBrandingRules(actor: Actor, { can }: RuleBuilder): void {
  can('read', 'CommuneBranding');
  if (actor.platformRole === 'platform_admin') can('update', 'CommuneBranding', { communeStatus: 'onboarding' });
  for (const { communeId, role } of actor.memberships) {
    if (role === 'admin') can('update', 'CommuneBranding', { communeId });
  }
}
