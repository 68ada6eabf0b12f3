import { Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequestContext, UnauthenticatedError } from '@communes/api-core';
import { AuthService } from './auth.service';
import { MeDto } from './dto/auth.dto';
import { SignedIn } from './guards/access.decorators';
import { RefreshTokenCookie } from './refresh-token-cookie';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly requestContext: RequestContext,
    private readonly cookie: RefreshTokenCookie,
  ) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: MeDto })
  async me(): Promise<MeDto> {
    const userId = this.requestContext.actor.userId;
    const current = userId ? await this.auth.loadCurrentUser(userId) : null;
    if (!current) throw new UnauthenticatedError();
    const { user, memberships } = current;
    return {
      id: user.id,
      email: user.email,
      phone: user.phone,
      displayName: user.displayName,
      platformRole: user.platformRole,
      memberships,
    };
  }

  @Delete('sessions')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out everywhere: ends every session of the account (refresh tokens revoked, access tokens refused at once); clears this browser\'s session cookies' })
  @ApiNoContentResponse()
  async logoutEverywhere(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new UnauthenticatedError();
    await this.auth.logoutEverywhere(userId);
    // This browser's refresh token is among those revoked: its cookie and the signed-in flag go too.
    this.cookie.clear(reply);
  }
}
