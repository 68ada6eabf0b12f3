import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { ParticipationRateLimit } from '@communes/api-feedback';
import { CommuneModerationParams, CreateReportDto, ModeratedContentParams, ModerationDecisionDto, ModerationQueueQuery } from './moderation.dto';
import { ModerationItemResponse, ModerationQueueResponse, ReportReceiptResponse } from './moderation-responses.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('reports')
  @HttpCode(201)
  @Public()
  @ParticipationRateLimit('moderation.report')
  @ApiOperation({ summary: 'Report a citizen content as inappropriate (anyone, signed in or not); one open report per account and content' })
  @ApiCreatedResponse({ type: ReportReceiptResponse, description: 'Reported' })
  @ApiOkResponse({ type: ReportReceiptResponse, description: 'This account had already reported it: nothing new (alreadyReported: true)' })
  @ApiProblemResponses({ status: 409, description: 'Already hidden, or your own content' })
  async report(@Param() params: CommuneModerationParams, @Body() body: CreateReportDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReceiptResponse> {
    const receipt = await this.moderation.report(params.slug, body);
    if (receipt.alreadyReported) void reply.status(200);
    return receipt;
  }

  @Get('moderation/queue')
  @ApiBearerAuth()
  @RequireAbility('read', 'ModeratedContent')
  @ApiOperation({ summary: "The commune's moderation queue (moderators and admins): reported contents grouped, or every hidden content" })
  @ApiOkResponse({ type: ModerationQueueResponse, description: 'Latest report first (hidden view: latest hidden first)' })
  queue(@Param() params: CommuneModerationParams, @Query() query: ModerationQueueQuery): Promise<ModerationQueueResponse> {
    return this.moderation.queue(params.slug, query);
  }

  @Post('moderation/:kind/:id/hide')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'ModeratedContent')
  @ApiOperation({ summary: 'Hide a content with a reason: gone from lists and search, shown as hidden; its author is emailed the reason' })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiProblemResponses({ status: 409, description: 'Already hidden' })
  hide(@Param() params: ModeratedContentParams, @Body() body: ModerationDecisionDto): Promise<ModerationItemResponse> {
    return this.moderation.decide(params.slug, params.kind, params.id, 'hide', body.reason);
  }

  @Post('moderation/:kind/:id/restore')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'ModeratedContent')
  @ApiOperation({ summary: 'Restore a hidden content, with a reason (audited)' })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiProblemResponses({ status: 409, description: 'Not hidden' })
  restore(@Param() params: ModeratedContentParams, @Body() body: ModerationDecisionDto): Promise<ModerationItemResponse> {
    return this.moderation.decide(params.slug, params.kind, params.id, 'restore', body.reason);
  }

  @Post('moderation/:kind/:id/dismiss')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'ModeratedContent')
  @ApiOperation({ summary: 'Dismiss the open reports of a content judged acceptable (it stays visible), with a reason (audited)' })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiProblemResponses({ status: 409, description: 'No open report' })
  dismiss(@Param() params: ModeratedContentParams, @Body() body: ModerationDecisionDto): Promise<ModerationItemResponse> {
    return this.moderation.decide(params.slug, params.kind, params.id, 'dismiss', body.reason);
  }
}
