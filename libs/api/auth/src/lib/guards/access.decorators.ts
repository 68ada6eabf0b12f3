import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from '@communes/shared-permissions';

export const REQUIRED_ABILITY_KEY = 'communes:requiredAbility';
export const SIGNED_IN_KEY = 'communes:signedIn';

export interface RequiredAbility {
  action: Action;
  subject: SubjectType;
}

/**
 * The route-level check: the caller's ability must allow this action on this kind of record
 * somewhere. Services then check the loaded record itself (which commune it belongs to).
 */
export const RequireAbility = (action: Action, subject: SubjectType): MethodDecorator =>
  SetMetadata(REQUIRED_ABILITY_KEY, { action, subject } satisfies RequiredAbility);

/** Any signed-in account may call this route (e.g. its own profile). */
export const SignedIn = (): MethodDecorator => SetMetadata(SIGNED_IN_KEY, true);
