import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OnboardingChecklistItem } from '@communes/shared-contracts';
import { ApiProblemResponses, Public } from '@communes/api-core';
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
import { CommuneDetailResponse, CommuneListResponse } from './dto/communes-responses.dto';
import { CommunePageResponse } from './dto/branding.dto';

@ApiTags('communes')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes')
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The directory of communes, by department and name' })
  @ApiOkResponse({ type: CommuneListResponse })
  list(@Query() query: ListCommunesQuery): Promise<CommuneListResponse> {
    return this.communes.list(query);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'One commune, with its onboarding checklist and its presentation (colours, logo, text, contact)' })
  @ApiOkResponse({ type: CommunePageResponse })
  get(@Param() params: CommuneSlugParams): Promise<CommunePageResponse> {
    return this.communes.get(params.slug);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Commune')
  @ApiOperation({ summary: 'ANCB onboards a commune of the national list, or a new one' })
  @ApiCreatedResponse({ type: CommuneDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'The commune is already onboarded, or its slug is taken' })
  onboard(@Body() body: OnboardCommuneDto): Promise<CommuneDetailResponse> {
    return this.communes.onboard(body);
  }

  @Patch(':slug/status')
  @ApiBearerAuth()
  @RequireAbility('change_status', 'Commune')
  @ApiOperation({ summary: 'ANCB activates, suspends (with a reason) or reactivates a commune' })
  @ApiOkResponse({ type: CommuneDetailResponse })
  @ApiProblemResponses(
    { status: 409, description: 'The commune changed meanwhile: reload and try again' },
    { status: 422, description: 'This status change is not allowed from the current status' },
  )
  changeStatus(@Param() params: CommuneSlugParams, @Body() body: ChangeCommuneStatusDto): Promise<CommuneDetailResponse> {
    return this.communes.changeStatus(params.slug, body.status, body.reason ?? null);
  }

  @Patch(':slug/checklist')
  @ApiBearerAuth()
  @RequireAbility('update', 'Commune')
  @ApiOperation({ summary: 'Tick or untick onboarding checklist items' })
  @ApiOkResponse({ type: CommuneDetailResponse })
  updateChecklist(@Param() params: CommuneSlugParams, @Body() body: UpdateChecklistDto): Promise<CommuneDetailResponse> {
    const items: Partial<Record<OnboardingChecklistItem, boolean>> = {};
    for (const [field, item] of Object.entries(CHECKLIST_FIELDS)) {
      const value = body[field as keyof UpdateChecklistDto];
      if (value !== undefined) items[item] = value;
    }
    return this.communes.updateChecklist(params.slug, items);
  }
}
