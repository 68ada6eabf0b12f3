import { computed, inject, type Signal } from '@angular/core';
import { AuthSession } from '@communes/web-auth';

/**
 * What the signed-in member may do in the commune of the page, to offer only the actions the
 * API allows (it still checks each one): editors and admins manage sessions and debates and
 * answer officially; moderators and admins hide debate comments; every member hides questions.
 */
export interface StaffRights {
  manage: boolean;
  moderateComments: boolean;
}

export function injectStaffRights(slug: string): Signal<StaffRights> {
  const session = inject(AuthSession);
  return computed(() => {
    const role = session.memberships().find((m) => m.communeSlug === slug)?.role;
    return { manage: role === 'admin' || role === 'editor', moderateComments: role === 'admin' || role === 'moderator' };
  });
}
