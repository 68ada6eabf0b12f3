import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { FeedbackPageResponse, FeedbackResponse } from './feedback-responses.dto';
import { FeedbackService } from './feedback.service';
import {
  AnswerFeedbackDto,
  AssignFeedbackDto,
  ChangeFeedbackStatusDto,
  CommuneFeedbackParams,
  CreateFeedbackDto,
  FeedbackListQuery,
  FeedbackNumberParams,
  FeedbackParams,
} from './feedback.dto';
import { ParticipationRateLimit } from './participation-rate-limit';

@ApiTags('feedback')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "Feedback of the commune: public feedback and the caller's own; the whole queue for its staff" })
  @ApiOkResponse({ type: FeedbackPageResponse, description: 'Newest first' })
  list(@Param() params: CommuneFeedbackParams, @Query() query: FeedbackListQuery): Promise<FeedbackPageResponse> {
    return this.feedback.list(params.slug, query);
  }

  @Get('by-number/:trackingNumber')
  @Public()
  @ApiOperation({ summary: 'Follow a feedback by its tracking number' })
  @ApiOkResponse({ type: FeedbackResponse })
  getByNumber(@Param() params: FeedbackNumberParams): Promise<FeedbackResponse> {
    return this.feedback.get(params.slug, { trackingNumber: params.trackingNumber });
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One feedback (public, the caller’s own, or any for the commune staff)' })
  @ApiOkResponse({ type: FeedbackResponse })
  get(@Param() params: FeedbackParams): Promise<FeedbackResponse> {
    return this.feedback.get(params.slug, { id: params.id });
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Feedback')
  @ParticipationRateLimit('feedback.create')
  @ApiOperation({ summary: 'Send a doléance or a suggestion to the commune; the answer carries its tracking number' })
  @ApiCreatedResponse({ type: FeedbackResponse })
  @ApiProblemResponses({ status: 422, description: 'The commune does not receive feedback yet (not active)' })
  create(@Param() params: CommuneFeedbackParams, @Body() body: CreateFeedbackDto): Promise<FeedbackResponse> {
    return this.feedback.create(params.slug, body);
  }

  @Post(':id/support')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('support', 'Feedback')
  @ApiOperation({ summary: 'Support public feedback sent by someone else (once per account)' })
  @ApiOkResponse({ type: FeedbackResponse })
  @ApiProblemResponses({ status: 409, description: 'Already supported, or it is your own feedback' })
  support(@Param() params: FeedbackParams): Promise<FeedbackResponse> {
    return this.feedback.support(params.slug, params.id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'Feedback')
  @ApiOperation({ summary: 'Assign the feedback to a member of the commune (or unassign it)' })
  @ApiOkResponse({ type: FeedbackResponse })
  @ApiProblemResponses({ status: 422, description: 'The assignee is not a member of the commune' })
  assign(@Param() params: FeedbackParams, @Body() body: AssignFeedbackDto): Promise<FeedbackResponse> {
    return this.feedback.assign(params.slug, params.id, body.assigneeId);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'Feedback')
  @ApiOperation({ summary: "The commune's public answer; open feedback becomes answered" })
  @ApiOkResponse({ type: FeedbackResponse })
  @ApiProblemResponses({ status: 409, description: 'The feedback is closed (resolved or declined)' })
  answer(@Param() params: FeedbackParams, @Body() body: AnswerFeedbackDto): Promise<FeedbackResponse> {
    return this.feedback.answer(params.slug, params.id, body.answer);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'Feedback')
  @ApiOperation({ summary: 'Move the feedback on: in progress, answered, resolved, or declined (with the reason as answer)' })
  @ApiOkResponse({ type: FeedbackResponse })
  @ApiProblemResponses({ status: 409, description: 'Not a possible next status (closed feedback stays closed)' })
  changeStatus(@Param() params: FeedbackParams, @Body() body: ChangeFeedbackStatusDto): Promise<FeedbackResponse> {
    return this.feedback.changeStatus(params.slug, params.id, body.status, body.answer);
  }
}
