import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { Public } from '@communes/api-core';
import { AuthService, TokenPair } from './auth.service';
import { LoginDto, RefreshTokenDto, RegisterDto, TokenPairDto } from './dto/auth.dto';
import { LocalAuthGuard } from './guards/local-auth.guard';
import type { UserRecord } from './users.repository';

@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After.' })
@UseGuards(ThrottlerGuard)
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiCreatedResponse({ type: TokenPairDto })
  @HttpCode(201)
  register(@Body() body: RegisterDto): Promise<TokenPair> {
    return this.auth.register(body);
  }

  @Post('login')
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @HttpCode(200)
  login(@Req() request: FastifyRequest & { user: UserRecord }): Promise<TokenPair> {
    return this.auth.login(request.user.id);
  }

  @Post('refresh')
  @ApiOkResponse({ type: TokenPairDto })
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @ApiNoContentResponse()
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }
}
