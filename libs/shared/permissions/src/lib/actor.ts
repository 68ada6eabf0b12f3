import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';

export interface ActorMembership {
  communeId: string;
  role: MembershipRole;
}

/** Who is acting: nobody (anonymous), or an account with its platform role and memberships. */
export interface Actor {
  userId: string | null;
  platformRole: PlatformRole | null;
  memberships: ActorMembership[];
}

export const ANONYMOUS: Actor = Object.freeze({ userId: null, platformRole: null, memberships: [] });

export function membershipRoleIn(actor: Actor, communeId: string): MembershipRole | null {
  return actor.memberships.find((m) => m.communeId === communeId)?.role ?? null;
}
