import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireAbility } from '@communes/api-auth';
import { ChangeMemberRoleDto, CommuneSlugParams, MemberParams } from './dto/communes.dto';
import { MemberRecord } from './members.repository';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('communes/:slug/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequireAbility('read', 'Membership')
  @ApiOperation({ summary: "The commune's team" })
  list(@Param() params: CommuneSlugParams): Promise<MemberRecord[]> {
    return this.members.list(params.slug);
  }

  @Patch(':userId')
  @RequireAbility('update', 'Membership')
  @ApiOperation({ summary: "Change a member's role (commune admin)" })
  changeRole(@Param() params: MemberParams, @Body() body: ChangeMemberRoleDto): Promise<MemberRecord> {
    return this.members.changeRole(params.slug, params.userId, body.role);
  }

  @Delete(':userId')
  @HttpCode(204)
  @RequireAbility('delete', 'Membership')
  @ApiOperation({ summary: 'Remove a member (commune admin); the last admin stays' })
  async remove(@Param() params: MemberParams): Promise<void> {
    await this.members.remove(params.slug, params.userId);
  }
}
