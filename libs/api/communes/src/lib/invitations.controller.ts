import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@communes/api-core';
import type { FastifyReply } from 'fastify';
import { RefreshTokenCookie, RequireAbility } from '@communes/api-auth';
import {
  AcceptInvitationDto,
  CommuneSlugParams,
  CreateInvitationDto,
  InvitationParams,
  InvitationTokenParams,
} from './dto/communes.dto';
import { AcceptedInvitationResponse, CreatedInvitationResponse, InvitationResponse } from './dto/communes-responses.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiProblemResponses(400, 401, 403, 404)
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookie: RefreshTokenCookie,
  ) {}

  @Post('communes/:slug/invitations')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('invite', 'Invitation')
  @ApiOperation({ summary: 'Invite a member by email with a role (single-use, expiring link)' })
  @ApiCreatedResponse({ type: CreatedInvitationResponse, description: 'The invitation, with its token and link, shown this once' })
  @ApiProblemResponses({ status: 409, description: 'The commune is not onboarded, or is suspended' })
  create(@Param() params: CommuneSlugParams, @Body() body: CreateInvitationDto): Promise<CreatedInvitationResponse> {
    return this.invitations.create(params.slug, body.email, body.role);
  }

  @Get('communes/:slug/invitations')
  @ApiBearerAuth()
  @RequireAbility('read', 'Invitation')
  @ApiOperation({ summary: "The commune's invitations, newest first (at most 200; pending, accepted, revoked and expired)" })
  @ApiOkResponse({ type: [InvitationResponse] })
  list(@Param() params: CommuneSlugParams): Promise<InvitationResponse[]> {
    return this.invitations.list(params.slug);
  }

  @Delete('communes/:slug/invitations/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'Invitation')
  @ApiOperation({ summary: 'Revoke a pending invitation' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(@Param() params: InvitationParams): Promise<void> {
    await this.invitations.revoke(params.slug, params.id);
  }

  @Post('invitations/:token/accept')
  @Public()
  @ApiOperation({
    summary: 'Accept an invitation: links the signed-in account, or creates one',
    description: 'A created account is signed in: its refresh token is set in the `communes.refresh` cookie, as by /auth/login.',
  })
  @ApiCreatedResponse({ type: AcceptedInvitationResponse })
  @ApiProblemResponses(
    { status: 409, description: 'Already used, revoked, already a member, or an account exists for the address (log in first)' },
    { status: 410, description: 'The invitation has expired' },
  )
  async accept(
    @Param() params: InvitationTokenParams,
    @Body() body: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedInvitationResponse> {
    const { tokens, ...accepted } = await this.invitations.accept(params.token, body);
    return { ...accepted, tokens: tokens ? this.cookie.deliver(reply, tokens) : null };
  }
}
