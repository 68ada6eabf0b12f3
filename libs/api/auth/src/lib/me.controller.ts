import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext, UnauthenticatedError } from '@communes/api-core';
import { AuthService } from './auth.service';
import { MeDto } from './dto/auth.dto';
import { SignedIn } from './guards/access.decorators';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly requestContext: RequestContext,
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
  @ApiOperation({ summary: 'Log out everywhere: ends every session of the account (refresh tokens revoked, access tokens refused at once)' })
  @ApiNoContentResponse()
  async logoutEverywhere(): Promise<void> {
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new UnauthenticatedError();
    await this.auth.logoutEverywhere(userId);
  }
}
