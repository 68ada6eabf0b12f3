import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { ChangeMemberRoleDto, CommuneSlugParams, MemberParams } from './dto/communes.dto';
import { MemberResponse } from './dto/communes-responses.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequireAbility('read', 'Membership')
  @ApiOperation({ summary: "The commune's team" })
  @ApiOkResponse({ type: [MemberResponse] })
  list(@Param() params: CommuneSlugParams): Promise<MemberResponse[]> {
    return this.members.list(params.slug);
  }

  @Patch(':userId')
  @RequireAbility('update', 'Membership')
  @ApiOperation({ summary: "Change a member's role (commune admin)" })
  @ApiOkResponse({ type: MemberResponse })
  @ApiProblemResponses({ status: 409, description: 'The commune would be left without an admin' })
  changeRole(@Param() params: MemberParams, @Body() body: ChangeMemberRoleDto): Promise<MemberResponse> {
    return this.members.changeRole(params.slug, params.userId, body.role);
  }

  @Delete(':userId')
  @HttpCode(204)
  @RequireAbility('delete', 'Membership')
  @ApiOperation({ summary: 'Remove a member (commune admin); the last admin stays' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblemResponses({ status: 409, description: 'The commune would be left without an admin' })
  async remove(@Param() params: MemberParams): Promise<void> {
    await this.members.remove(params.slug, params.userId);
  }
}
