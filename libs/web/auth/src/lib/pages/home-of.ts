import type { CurrentUser } from '../session/auth-session';

/** Where someone lands after signing in: their console, or the public site. */
export function homeOf(user: CurrentUser): string {
  if (user.platformRole === 'platform_admin') return '/ancb';
  if (user.platformRole === 'ministry_observer') return '/ministere';
  if (user.memberships.length === 1) return `/console/${user.memberships[0].communeSlug}`;
  if (user.memberships.length > 1) return '/console';
  return '/';
}
