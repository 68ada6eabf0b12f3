import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { ParticipationRateLimit } from '@communes/api-feedback';
import { DebateCommentResponse, DebateTopicResponse } from './debates-responses.dto';
import { DebatesService } from './debates.service';
import { CommuneDebatesParams, DebateCommentDto, DebateCommentParams, DebateParams, DebateTopicDto, ModerationDto, ReactionDto } from './debates.dto';

@ApiTags('debates')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/debates')
export class DebatesController {
  constructor(private readonly debates: DebatesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Debates of the commune (drafts too for its staff), latest first' })
  @ApiOkResponse({ type: [DebateTopicResponse] })
  list(@Param() params: CommuneDebatesParams): Promise<DebateTopicResponse[]> {
    return this.debates.listTopics(params.slug);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One debate' })
  @ApiOkResponse({ type: DebateTopicResponse })
  get(@Param() params: DebateParams): Promise<DebateTopicResponse> {
    return this.debates.getTopic(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'DebateTopic')
  @ApiOperation({ summary: 'Prepare a debate on a concern of the commune (a draft, or open right away)' })
  @ApiCreatedResponse({ type: DebateTopicResponse })
  create(@Param() params: CommuneDebatesParams, @Body() body: DebateTopicDto): Promise<DebateTopicResponse> {
    return this.debates.createTopic(params.slug, body);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'DebateTopic')
  @ApiOperation({ summary: 'Open a draft debate to comments' })
  @ApiOkResponse({ type: DebateTopicResponse })
  @ApiProblemResponses({ status: 409, description: 'Not a draft' })
  open(@Param() params: DebateParams): Promise<DebateTopicResponse> {
    return this.debates.openTopic(params.slug, params.id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'DebateTopic')
  @ApiOperation({ summary: 'Close an open debate (it stays readable)' })
  @ApiOkResponse({ type: DebateTopicResponse })
  @ApiProblemResponses({ status: 409, description: 'Not open' })
  close(@Param() params: DebateParams): Promise<DebateTopicResponse> {
    return this.debates.closeTopic(params.slug, params.id);
  }

  @Get(':id/comments')
  @Public()
  @ApiOperation({ summary: 'The comments of a debate, oldest first, with parentId for threads; hidden ones shown as hidden' })
  @ApiOkResponse({ type: [DebateCommentResponse] })
  comments(@Param() params: DebateParams): Promise<DebateCommentResponse[]> {
    return this.debates.listComments(params.slug, params.id);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'DebateComment')
  @ParticipationRateLimit('debate.comment')
  @ApiOperation({ summary: "Comment, or reply to a comment; an editor's or admin's comment is the commune's official answer" })
  @ApiCreatedResponse({ type: DebateCommentResponse })
  @ApiProblemResponses({ status: 409, description: 'The debate is not open, or the parent comment is hidden' }, { status: 422, description: 'The parent comment is not in this debate' })
  comment(@Param() params: DebateParams, @Body() body: DebateCommentDto): Promise<DebateCommentResponse> {
    return this.debates.comment(params.slug, params.id, body);
  }

  @Put(':id/comments/:commentId/reaction')
  @ApiBearerAuth()
  @RequireAbility('support', 'DebateComment')
  @ApiOperation({ summary: 'React to a comment (one reaction per account; sending another replaces it)' })
  @ApiOkResponse({ type: DebateCommentResponse })
  react(@Param() params: DebateCommentParams, @Body() body: ReactionDto): Promise<DebateCommentResponse> {
    return this.debates.react(params.slug, params.id, params.commentId, body.kind);
  }

  @Delete(':id/comments/:commentId/reaction')
  @ApiBearerAuth()
  @RequireAbility('support', 'DebateComment')
  @ApiOperation({ summary: 'Take back your reaction' })
  @ApiOkResponse({ type: DebateCommentResponse })
  unreact(@Param() params: DebateCommentParams): Promise<DebateCommentResponse> {
    return this.debates.react(params.slug, params.id, params.commentId, null);
  }

  @Post(':id/comments/:commentId/hide')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'DebateComment')
  @ApiOperation({ summary: 'Moderation: hide a comment, with the reason its author will see' })
  @ApiOkResponse({ type: DebateCommentResponse })
  @ApiProblemResponses({ status: 409, description: 'Already hidden' })
  hide(@Param() params: DebateCommentParams, @Body() body: ModerationDto): Promise<DebateCommentResponse> {
    return this.debates.moderate(params.slug, params.id, params.commentId, true, body.reason);
  }

  @Post(':id/comments/:commentId/restore')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'DebateComment')
  @ApiOperation({ summary: 'Moderation: restore a hidden comment, with a reason (audited)' })
  @ApiOkResponse({ type: DebateCommentResponse })
  @ApiProblemResponses({ status: 409, description: 'Not hidden' })
  restore(@Param() params: DebateCommentParams, @Body() body: ModerationDto): Promise<DebateCommentResponse> {
    return this.debates.moderate(params.slug, params.id, params.commentId, false, body.reason);
  }
}
