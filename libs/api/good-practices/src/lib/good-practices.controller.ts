import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { GoodPracticeLibraryResponse, GoodPracticeResponse, GoodPracticeSummaryResponse } from './good-practices-responses.dto';
import { GoodPracticesService } from './good-practices.service';
import {
  CommuneGoodPracticesParams,
  GoodPracticeDto,
  GoodPracticeIdParams,
  GoodPracticeParams,
  LibraryQueryDto,
  PublishGoodPracticeDto,
  ReviewCommentDto,
  ReviewQueueQueryDto,
  SubmitGoodPracticeDto,
} from './good-practices.dto';

/** A commune's practices: written and submitted by its staff, decided on by ANCB. */
@ApiTags('good-practices')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/good-practices')
export class CommuneGoodPracticesController {
  constructor(private readonly practices: GoodPracticesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's good practices: all of them for its staff, those ANCB has seen for ANCB, published ones for others" })
  @ApiOkResponse({ type: [GoodPracticeSummaryResponse] })
  list(@Param() params: CommuneGoodPracticesParams): Promise<GoodPracticeSummaryResponse[]> {
    return this.practices.list(params.slug);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One good practice, with its linked documents and (for the staff and ANCB) its review history' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  get(@Param() params: GoodPracticeParams): Promise<GoodPracticeResponse> {
    return this.practices.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'GoodPractice')
  @ApiOperation({ summary: 'Write a good practice (a draft: a title and a theme are enough to start)' })
  @ApiCreatedResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 422, description: 'A linked document is not a published document of this commune' })
  create(@Param() params: CommuneGoodPracticesParams, @Body() body: GoodPracticeDto): Promise<GoodPracticeResponse> {
    return this.practices.create(params.slug, body);
  }

  @Put(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'GoodPractice')
  @ApiOperation({ summary: 'Edit a draft, or a practice ANCB sent back or unpublished (fields left out keep their value)' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Waiting for review, published or rejected: not editable' }, { status: 422, description: 'A linked document is not a published document of this commune' })
  update(@Param() params: GoodPracticeParams, @Body() body: GoodPracticeDto): Promise<GoodPracticeResponse> {
    return this.practices.update(params.slug, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'GoodPractice')
  @ApiOperation({ summary: 'Delete a draft never submitted' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses({ status: 409, description: 'Not a draft' })
  async remove(@Param() params: GoodPracticeParams): Promise<void> {
    await this.practices.remove(params.slug, params.id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'GoodPractice')
  @ApiOperation({ summary: 'Send the practice to ANCB for review (again after changes)' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Already waiting for review, published or rejected' }, { status: 422, description: 'Incomplete, or a linked document is no longer published' })
  submit(@Param() params: GoodPracticeParams, @Body() body: SubmitGoodPracticeDto): Promise<GoodPracticeResponse> {
    return this.practices.submit(params.slug, params.id, body.comment ?? null);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'GoodPractice')
  @ApiOperation({ summary: 'ANCB: publish a submitted practice in the national library' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Not waiting for review' })
  publish(@Param() params: GoodPracticeParams, @Body() body: PublishGoodPracticeDto): Promise<GoodPracticeResponse> {
    return this.practices.decide(params.slug, params.id, 'publish', body.comment ?? null);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'GoodPractice')
  @ApiOperation({ summary: 'ANCB: send a submitted practice back to the commune, saying what to change' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Not waiting for review' })
  requestChanges(@Param() params: GoodPracticeParams, @Body() body: ReviewCommentDto): Promise<GoodPracticeResponse> {
    return this.practices.decide(params.slug, params.id, 'request_changes', body.comment);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'GoodPractice')
  @ApiOperation({ summary: 'ANCB: reject a submitted practice, with the reason (final)' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Not waiting for review' })
  reject(@Param() params: GoodPracticeParams, @Body() body: ReviewCommentDto): Promise<GoodPracticeResponse> {
    return this.practices.decide(params.slug, params.id, 'reject', body.comment);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('withdraw', 'GoodPractice')
  @ApiOperation({ summary: 'ANCB: take a published practice off the national library, with the reason' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblemResponses({ status: 409, description: 'Not published' })
  unpublish(@Param() params: GoodPracticeParams, @Body() body: ReviewCommentDto): Promise<GoodPracticeResponse> {
    return this.practices.unpublish(params.slug, params.id, body.comment);
  }
}

/** The national library (public) and ANCB's review queue, across communes. */
@ApiTags('good-practices')
@ApiProblemResponses(400, 404)
@Controller('good-practices')
export class GoodPracticeLibraryController {
  constructor(private readonly practices: GoodPracticesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'National library: published good practices of every commune, searched and filtered (theme, department, commune, year)' })
  @ApiOkResponse({ type: GoodPracticeLibraryResponse })
  library(@Query() query: LibraryQueryDto): Promise<GoodPracticeLibraryResponse> {
    return this.practices.library(query);
  }

  @Get('review-queue')
  @ApiBearerAuth()
  @RequireAbility('change_status', 'GoodPractice')
  @ApiOperation({ summary: "ANCB: practices of every commune by status (default: submitted, waiting for a decision), oldest submission first" })
  @ApiOkResponse({ type: [GoodPracticeSummaryResponse] })
  @ApiProblemResponses(401, 403)
  queue(@Query() query: ReviewQueueQueryDto): Promise<GoodPracticeSummaryResponse[]> {
    return this.practices.queue(query.status);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One published good practice, with its published documents' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  get(@Param() params: GoodPracticeIdParams): Promise<GoodPracticeResponse> {
    return this.practices.published(params.id);
  }
}
