import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenActionError, IS_PUBLIC_KEY, RequestContext, UnauthenticatedError } from '@communes/api-core';
import { REQUIRED_ABILITY_KEY, RequiredAbility, SIGNED_IN_KEY } from './access.decorators';

/**
 * Global, after authentication. A route must say who may reach it (`@Public()`, `@SignedIn()`
 * or `@RequireAbility(…)`); a route that says nothing is refused, so a forgotten decorator
 * fails closed.
 */
@Injectable()
export class AbilityGuard implements CanActivate {
  private readonly logger = new Logger(AbilityGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<RequiredAbility | undefined>(REQUIRED_ABILITY_KEY, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets);
    const signedIn = this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets);

    if (required) {
      if (this.requestContext.ability.can(required.action, required.subject)) return true;
      if (!this.requestContext.actor.userId) throw new UnauthenticatedError();
      throw new ForbiddenActionError();
    }
    if (isPublic) return true;
    if (signedIn) {
      if (!this.requestContext.actor.userId) throw new UnauthenticatedError();
      return true;
    }
    this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    throw new ForbiddenActionError();
  }
}
