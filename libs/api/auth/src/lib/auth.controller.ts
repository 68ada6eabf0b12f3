import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses, Public, UnauthenticatedError } from '@communes/api-core';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, NoBodyDto, RegisterDto } from './dto/auth.dto';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { AccessToken, CookieCsrfGuard, RefreshTokenCookie } from './refresh-token-cookie';
import type { UserRecord } from './users.repository';

const SETS_COOKIE =
  'Sets the refresh token in the `communes.refresh` cookie (HttpOnly, SameSite=Strict, Path=/api/v1/auth), and the `communes.signed-in=1` flag ' +
  '(no secret, readable by scripts, Path=/, same lifetime) that tells the web app a session exists; the body carries the access token only.';
const CSRF_HEADER_DOC = { name: 'X-Requested-With', required: true, description: 'Any value: proves the request comes from the app (a form cannot set it). Missing: 403.' };

@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After.' })
@UseGuards(ThrottlerGuard)
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshTokenCookie,
  ) {}

  @Post('register')
  @ApiOperation({ description: SETS_COOKIE })
  @ApiCreatedResponse({ type: AccessTokenDto })
  @HttpCode(201)
  async register(@Body() body: RegisterDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessToken> {
    return this.cookie.deliver(reply, await this.auth.register(body));
  }

  @Post('login')
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ description: SETS_COOKIE })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AccessTokenDto })
  @HttpCode(200)
  async login(@Req() request: FastifyRequest & { user: UserRecord }, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessToken> {
    return this.cookie.deliver(reply, await this.auth.login(request.user.id));
  }

  @Post('refresh')
  @UseGuards(CookieCsrfGuard)
  @ApiOperation({
    summary: 'A new access token from the refresh token cookie, which is rotated',
    description: `Takes no body: a \`refreshToken\` in the body (the former API) is refused with 400. ${SETS_COOKIE} A refused refresh clears both cookies.`,
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiBody({ type: NoBodyDto, required: false })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiProblemResponses(
    { status: 401, description: 'No cookie (auth.refresh-cookie-missing), expired or logged out (auth.invalid-refresh-token), or a used token replayed: every session of the account is ended (auth.refresh-token-reused). The token just rotated, presented again within REFRESH_REUSE_GRACE_SECONDS while the token it was rotated into is unused (the answer was lost), is answered with a new token instead' },
    { status: 403, description: 'The X-Requested-With header is missing (auth.csrf-header-missing)' },
  )
  @HttpCode(200)
  async refresh(@Body() _body: NoBodyDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessToken> {
    const refreshToken = this.cookie.read(request);
    if (!refreshToken) {
      throw new UnauthenticatedError('auth.refresh-cookie-missing', 'No session cookie was sent with this request. Log in.');
    }
    try {
      return this.cookie.deliver(reply, await this.auth.refresh(refreshToken));
    } catch (error) {
      // A token refused now is refused for good (expired, logged out, or its sessions ended on reuse).
      if (error instanceof UnauthenticatedError) this.cookie.clear(reply);
      throw error;
    }
  }

  @Post('logout')
  @UseGuards(CookieCsrfGuard)
  @ApiOperation({ summary: "Ends this login (the cookie's refresh token and the ones rotated before it) and clears both cookies; idempotent" })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiBody({ type: NoBodyDto, required: false })
  @ApiNoContentResponse()
  @ApiProblemResponses({ status: 403, description: 'The X-Requested-With header is missing (auth.csrf-header-missing)' })
  @HttpCode(204)
  async logout(@Body() _body: NoBodyDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const refreshToken = this.cookie.read(request);
    if (refreshToken) await this.auth.logout(refreshToken);
    this.cookie.clear(reply);
  }
}
