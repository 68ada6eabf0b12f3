import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, type CanActivateFn, RedirectCommand, Router, type RouterStateSnapshot } from '@angular/router';
import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';
import { AuthSession } from '../session/auth-session';

/** Routes of the auth pages, in French like every other URL of the site. */
export const LOGIN_PATH = '/connexion';
export const FORBIDDEN_PATH = '/acces-refuse';

type Check = (session: AuthSession, route: ActivatedRouteSnapshot) => boolean;

/**
 * A guard for signed-in users passing `check`. Signed out: to the login page, coming back after.
 * Signed in without the right: the "access refused" screen, keeping the address visible (so
 * the person can tell someone what they tried to open).
 */
function guard(check: Check): CanActivateFn {
  return async (route: ActivatedRouteSnapshot, state: RouterStateSnapshot) => {
    const session = inject(AuthSession);
    const router = inject(Router);
    await session.whenReady();
    if (!session.signedIn()) {
      return router.createUrlTree([LOGIN_PATH], { queryParams: { retour: state.url } });
    }
    if (check(session, route)) return true;
    return new RedirectCommand(router.createUrlTree([FORBIDDEN_PATH], { queryParams: { page: state.url } }), {
      skipLocationChange: true,
    });
  };
}

export const signedInGuard: CanActivateFn = guard(() => true);

/** ANCB (`platform_admin`), the ministry (`ministry_observer`)... */
export function platformRoleGuard(...roles: PlatformRole[]): CanActivateFn {
  return guard((session) => {
    const role = session.platformRole();
    return role !== null && roles.includes(role);
  });
}

/** Staff of the commune named by the `:slug` of this route or a parent, with one of `roles` (any if none). */
export function communeMemberGuard(...roles: MembershipRole[]): CanActivateFn {
  return guard((session, route) => {
    const slug = communeSlugOf(route);
    return slug !== null && session.hasMembership(slug, roles);
  });
}

export function communeSlugOf(route: ActivatedRouteSnapshot): string | null {
  for (let current: ActivatedRouteSnapshot | null = route; current; current = current.parent) {
    const slug = current.paramMap.get('slug');
    if (slug) return slug;
  }
  return null;
}
