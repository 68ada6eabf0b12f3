/** Platform-wide roles, held by ANCB staff and the ministry. Every account is also a citizen. */
export const PLATFORM_ROLES = ['platform_admin', 'ministry_observer'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Roles a person holds inside one commune (a membership). */
export const MEMBERSHIP_ROLES = ['admin', 'editor', 'moderator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
