import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import type { UserRecord } from '../users.repository';

/** Email-or-phone and password, checked against the argon2id hash. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'identifier', passwordField: 'password' });
  }

  validate(identifier: string, password: string): Promise<UserRecord> {
    return this.auth.validateCredentials(identifier, password);
  }
}
