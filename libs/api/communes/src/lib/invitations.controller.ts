import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import {
  AcceptInvitationDto,
  CommuneSlugParams,
  CreateInvitationDto,
  InvitationParams,
  InvitationTokenParams,
} from './dto/communes.dto';
import { InvitationRecord } from './invitations.repository';
import { AcceptedInvitation, CreatedInvitation, InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('communes/:slug/invitations')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('invite', 'Invitation')
  @ApiOperation({ summary: 'Invite a member by email with a role (single-use, expiring link)' })
  create(@Param() params: CommuneSlugParams, @Body() body: CreateInvitationDto): Promise<CreatedInvitation> {
    return this.invitations.create(params.slug, body.email, body.role);
  }

  @Get('communes/:slug/invitations')
  @ApiBearerAuth()
  @RequireAbility('read', 'Invitation')
  list(@Param() params: CommuneSlugParams): Promise<InvitationRecord[]> {
    return this.invitations.list(params.slug);
  }

  @Delete('communes/:slug/invitations/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'Invitation')
  async revoke(@Param() params: InvitationParams): Promise<void> {
    await this.invitations.revoke(params.slug, params.id);
  }

  @Post('invitations/:token/accept')
  @Public()
  @ApiOperation({ summary: 'Accept an invitation: links the signed-in account, or creates one' })
  accept(@Param() params: InvitationTokenParams, @Body() body: AcceptInvitationDto): Promise<AcceptedInvitation> {
    return this.invitations.accept(params.token, body);
  }
}
