import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC_KEY, RequestContext, UnauthenticatedError } from '@communes/api-core';
import { ANONYMOUS, type Actor } from '@communes/shared-permissions';

/**
 * Global and closed by default: every route needs a valid access token unless marked
 * `@Public()`. On public routes a token is optional, but a bad one is still refused so that a
 * client learns its session expired instead of silently seeing less.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isPublic && !request.headers.authorization) {
      this.requestContext.setActor(ANONYMOUS);
      return true;
    }
    await super.canActivate(context);
    this.requestContext.setActor((request as FastifyRequest & { user: Actor }).user);
    return true;
  }

  override handleRequest<TUser = Actor>(error: unknown, user: TUser | false): TUser {
    if (error instanceof UnauthenticatedError) throw error;
    if (error || !user) {
      throw new UnauthenticatedError('auth.invalid-token', 'Your session has expired or is not valid. Log in again.');
    }
    return user;
  }
}
