import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { AgendaEventResponse } from './agenda-responses.dto';
import { AgendaService } from './agenda.service';
import {
  AgendaEventDto,
  AgendaEventParams,
  AgendaPeriodQuery,
  CancelAgendaEventDto,
  CommuneAgendaParams,
  CreateAgendaEventDto,
} from './agenda.dto';

@ApiTags('agenda')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The mayor's agenda: upcoming events by default, or those of a period" })
  @ApiOkResponse({ type: [AgendaEventResponse], description: 'By start time (at most 200)' })
  list(@Param() params: CommuneAgendaParams, @Query() query: AgendaPeriodQuery): Promise<AgendaEventResponse[]> {
    return this.agenda.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One event of the agenda' })
  @ApiOkResponse({ type: AgendaEventResponse })
  get(@Param() params: AgendaEventParams): Promise<AgendaEventResponse> {
    return this.agenda.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'AgendaEvent')
  @ApiOperation({ summary: 'Add an event, as a draft or published right away' })
  @ApiCreatedResponse({ type: AgendaEventResponse })
  create(@Param() params: CommuneAgendaParams, @Body() body: CreateAgendaEventDto): Promise<AgendaEventResponse> {
    return this.agenda.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'AgendaEvent')
  @ApiOperation({ summary: 'Change an event (draft or published)' })
  @ApiOkResponse({ type: AgendaEventResponse })
  @ApiProblemResponses({ status: 409, description: 'A cancelled event cannot be changed' })
  update(@Param() params: AgendaEventParams, @Body() body: AgendaEventDto): Promise<AgendaEventResponse> {
    return this.agenda.update(params.slug, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'AgendaEvent')
  @ApiOperation({ summary: 'Publish a draft event' })
  @ApiOkResponse({ type: AgendaEventResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a draft event can be published' })
  publish(@Param() params: AgendaEventParams): Promise<AgendaEventResponse> {
    return this.agenda.publish(params.slug, params.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'AgendaEvent')
  @ApiOperation({ summary: 'Cancel a published event; it stays visible with the reason' })
  @ApiOkResponse({ type: AgendaEventResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a published event can be cancelled' })
  cancel(@Param() params: AgendaEventParams, @Body() body: CancelAgendaEventDto): Promise<AgendaEventResponse> {
    return this.agenda.cancel(params.slug, params.id, body.reason);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'AgendaEvent')
  @ApiOperation({ summary: 'Delete a draft event (published ones are cancelled instead)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses({ status: 409, description: 'The event is not a draft: cancel it instead' })
  async remove(@Param() params: AgendaEventParams): Promise<void> {
    await this.agenda.deleteDraft(params.slug, params.id);
  }
}
