import type { Actor } from '@communes/shared-permissions';
import type { DataScope } from './tenant-transaction';

/**
 * The widest scope the database should grant this actor inside one commune. CASL has already
 * decided whether the action is allowed; this only opens the matching rows.
 */
export function dataScopeFor(actor: Actor, communeId: string): DataScope {
  if (actor.platformRole === 'ministry_observer') return 'observer';
  if (actor.memberships.some((m) => m.communeId === communeId)) return 'staff';
  if (actor.platformRole === 'platform_admin') return 'platform';
  return 'public';
}
