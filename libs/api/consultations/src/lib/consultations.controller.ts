import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { contentDisposition } from '@communes/api-storage';
import { ConsultationResponse, ConsultationResultsResponse } from './consultations-responses.dto';
import { ConsultationsService } from './consultations.service';
import { CommuneConsultationsParams, ConsultationDto, ConsultationParams, RespondDto, ResultsCsvQuery } from './consultations.dto';

const UTF8_BOM = '\uFEFF';

@ApiTags('consultations')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Consultations of the commune (drafts too for its staff), latest closing first' })
  @ApiOkResponse({ type: [ConsultationResponse] })
  list(@Param() params: CommuneConsultationsParams): Promise<ConsultationResponse[]> {
    return this.consultations.list(params.slug);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: "One consultation, with its linked documents and the caller's answers" })
  @ApiOkResponse({ type: ConsultationResponse })
  get(@Param() params: ConsultationParams): Promise<ConsultationResponse> {
    return this.consultations.get(params.slug, params.id);
  }

  @Get(':id/results')
  @Public()
  @ApiOperation({ summary: 'Results: once closed, or while open if they are live (always for the staff)' })
  @ApiOkResponse({ type: ConsultationResultsResponse })
  @ApiProblemResponses({ status: 409, description: 'The results are shown when the consultation closes' })
  results(@Param() params: ConsultationParams): Promise<ConsultationResultsResponse> {
    return this.consultations.results(params.slug, params.id);
  }

  @Get(':id/results.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Results as CSV (RFC 4180, UTF-8), one line per option' })
  @ApiOkResponse({ description: 'question_id, question, option_id, option, votes, percent_of_participants, participants', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblemResponses({ status: 409, description: 'The results are shown when the consultation closes' })
  async resultsCsv(@Param() params: ConsultationParams, @Query() query: ResultsCsvQuery, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.consultations.resultsCsv(params.slug, params.id);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`consultation-${params.id}-resultats.csv`))
      .header('cache-control', 'no-store')
      .send(query.excel === '1' ? UTF8_BOM + csv : csv);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Consultation')
  @ApiOperation({ summary: 'Prepare a consultation (a draft): a question or a short survey, dates, results live or at the close' })
  @ApiCreatedResponse({ type: ConsultationResponse })
  @ApiProblemResponses({ status: 422, description: 'A linked document is not a document of the commune' })
  create(@Param() params: CommuneConsultationsParams, @Body() body: ConsultationDto): Promise<ConsultationResponse> {
    return this.consultations.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'Consultation')
  @ApiOperation({ summary: 'Change a draft consultation' })
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiProblemResponses({ status: 409, description: 'Published consultations are not changed' }, { status: 422, description: 'A linked document is not a document of the commune' })
  update(@Param() params: ConsultationParams, @Body() body: ConsultationDto): Promise<ConsultationResponse> {
    return this.consultations.update(params.slug, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'Consultation')
  @ApiOperation({ summary: 'Publish a draft: citizens answer between its dates' })
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiProblemResponses({ status: 409, description: 'Not a draft' }, { status: 422, description: 'Already over, or a linked document is not published' })
  publish(@Param() params: ConsultationParams): Promise<ConsultationResponse> {
    return this.consultations.publish(params.slug, params.id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'Consultation')
  @ApiOperation({ summary: 'Close a published consultation now' })
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiProblemResponses({ status: 409, description: 'A draft, or already closed' })
  close(@Param() params: ConsultationParams): Promise<ConsultationResponse> {
    return this.consultations.close(params.slug, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'Consultation')
  @ApiOperation({ summary: 'Delete a draft consultation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses({ status: 409, description: 'Published: close it instead' })
  async remove(@Param() params: ConsultationParams): Promise<void> {
    await this.consultations.deleteDraft(params.slug, params.id);
  }

  @Post(':id/responses')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('vote', 'Consultation')
  @ApiOperation({ summary: 'Answer the consultation (once per account)' })
  @ApiCreatedResponse({ type: ConsultationResponse, description: 'The consultation with your answers' })
  @ApiProblemResponses({ status: 409, description: 'Already answered, or the consultation is not open' })
  respond(@Param() params: ConsultationParams, @Body() body: RespondDto): Promise<ConsultationResponse> {
    return this.consultations.respond(params.slug, params.id, body.answers);
  }
}
