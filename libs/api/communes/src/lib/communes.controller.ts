import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneDetail, CommuneList, OnboardingChecklistItem } from '@communes/shared-contracts';
import { Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { CommunesService } from './communes.service';
import {
  ChangeCommuneStatusDto,
  CHECKLIST_FIELDS,
  CommuneSlugParams,
  ListCommunesQuery,
  OnboardCommuneDto,
  UpdateChecklistDto,
} from './dto/communes.dto';

@ApiTags('communes')
@Controller('communes')
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The directory of communes, by department and name' })
  list(@Query() query: ListCommunesQuery): Promise<CommuneList> {
    return this.communes.list(query);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'One commune, with its onboarding checklist' })
  get(@Param() params: CommuneSlugParams): Promise<CommuneDetail> {
    return this.communes.get(params.slug);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Commune')
  @ApiOperation({ summary: 'ANCB onboards a commune of the national list, or a new one' })
  onboard(@Body() body: OnboardCommuneDto): Promise<CommuneDetail> {
    return this.communes.onboard(body);
  }

  @Patch(':slug/status')
  @ApiBearerAuth()
  @RequireAbility('change_status', 'Commune')
  @ApiOperation({ summary: 'ANCB activates, suspends (with a reason) or reactivates a commune' })
  changeStatus(@Param() params: CommuneSlugParams, @Body() body: ChangeCommuneStatusDto): Promise<CommuneDetail> {
    return this.communes.changeStatus(params.slug, body.status, body.reason ?? null);
  }

  @Patch(':slug/checklist')
  @ApiBearerAuth()
  @RequireAbility('update', 'Commune')
  @ApiOperation({ summary: 'Tick or untick onboarding checklist items' })
  updateChecklist(@Param() params: CommuneSlugParams, @Body() body: UpdateChecklistDto): Promise<CommuneDetail> {
    const items: Partial<Record<OnboardingChecklistItem, boolean>> = {};
    for (const [field, item] of Object.entries(CHECKLIST_FIELDS)) {
      const value = body[field as keyof UpdateChecklistDto];
      if (value !== undefined) items[item] = value;
    }
    return this.communes.updateChecklist(params.slug, items);
  }
}
