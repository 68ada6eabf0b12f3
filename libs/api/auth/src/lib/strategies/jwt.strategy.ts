import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, UnauthenticatedError } from '@communes/api-core';
import type { Actor } from '@communes/shared-permissions';
import { AccessTokenPayload, AuthService } from '../auth.service';

/** Bearer access tokens. The actor (roles, memberships) is read fresh, never trusted from the token. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Actor> {
    const sessionVersion = typeof payload.sv === 'number' ? payload.sv : 0;
    const actor = typeof payload.sub === 'string' ? await this.auth.loadActor(payload.sub, sessionVersion) : null;
    if (!actor) throw new UnauthenticatedError('auth.invalid-token', 'This session has ended or the account no longer exists. Log in again.');
    return actor;
  }
}
