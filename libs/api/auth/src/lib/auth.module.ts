import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@communes/api-core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AbilityGuard } from './guards/ability.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { MeController } from './me.controller';
import { CookieCsrfGuard, RefreshTokenCookie } from './refresh-token-cookie';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { UsersRepository } from './users.repository';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => // Named 'default' so the 429 carries a plain Retry-After header.
        [{ name: 'default', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    UsersRepository,
    RefreshTokensRepository,
    RefreshTokenCookie,
    CookieCsrfGuard,
    JwtStrategy,
    LocalStrategy,
    // Order matters: authenticate first, then check the route's access rule.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AbilityGuard },
  ],
  exports: [AuthService, UsersRepository, RefreshTokenCookie],
})
export class AuthModule {}
