import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { AgendaEventRecord } from './agenda.repository';
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
@Controller('communes/:slug/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The mayor's agenda: upcoming events by default, or those of a period" })
  list(@Param() params: CommuneAgendaParams, @Query() query: AgendaPeriodQuery): Promise<AgendaEventRecord[]> {
    return this.agenda.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  get(@Param() params: AgendaEventParams): Promise<AgendaEventRecord> {
    return this.agenda.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'AgendaEvent')
  create(@Param() params: CommuneAgendaParams, @Body() body: CreateAgendaEventDto): Promise<AgendaEventRecord> {
    return this.agenda.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'AgendaEvent')
  update(@Param() params: AgendaEventParams, @Body() body: AgendaEventDto): Promise<AgendaEventRecord> {
    return this.agenda.update(params.slug, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'AgendaEvent')
  publish(@Param() params: AgendaEventParams): Promise<AgendaEventRecord> {
    return this.agenda.publish(params.slug, params.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'AgendaEvent')
  @ApiOperation({ summary: 'Cancel a published event; it stays visible with the reason' })
  cancel(@Param() params: AgendaEventParams, @Body() body: CancelAgendaEventDto): Promise<AgendaEventRecord> {
    return this.agenda.cancel(params.slug, params.id, body.reason);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'AgendaEvent')
  @ApiOperation({ summary: 'Delete a draft event (published ones are cancelled instead)' })
  async remove(@Param() params: AgendaEventParams): Promise<void> {
    await this.agenda.deleteDraft(params.slug, params.id);
  }
}
