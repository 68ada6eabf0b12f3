import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses, Public, ValidationFailedError } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { ParticipationRateLimit } from '@communes/api-feedback';
import {
  CommuneSessionsSummaryResponse,
  CouncilSessionDetailResponse,
  CouncilSessionResponse,
  SessionQuestionResponse,
} from './council-sessions-responses.dto';
import { CouncilSessionsService } from './council-sessions.service';
import {
  AnswerQuestionDto,
  AskQuestionDto,
  ChangeSessionStatusDto,
  CommuneSessionsParams,
  CreateSessionDto,
  HideQuestionDto,
  LinkSessionDocumentDto,
  QuestionParams,
  SessionDocumentParams,
  SessionDto,
  SessionEventsQuery,
  SessionListQuery,
  SessionParams,
  SessionReadQuery,
  SessionSummaryDto,
  UnlinkSessionDocumentQuery,
} from './council-sessions.dto';
import { SessionEventsHub } from './session-events.hub';
import type { SessionEventRecord } from './council-sessions.repository';

/** Followers get a comment line this often, so that proxies and phones keep the connection open. */
export const SSE_HEARTBEAT_MS = 25_000;

@ApiTags('council-sessions')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/council-sessions')
export class CouncilSessionsController {
  constructor(
    private readonly sessions: CouncilSessionsService,
    private readonly hub: SessionEventsHub,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Council and accountability sessions of the commune: upcoming (with live ones) or past' })
  @ApiOkResponse({ type: [CouncilSessionResponse], description: 'Upcoming soonest first, past latest first (at most 200)' })
  list(@Param() params: CommuneSessionsParams, @Query() query: SessionListQuery): Promise<CouncilSessionResponse[]> {
    return this.sessions.list(params.slug, query);
  }

  @Get('summary')
  @Public()
  @ApiOperation({ summary: 'When the last council and accountability sessions took place, and the next ones' })
  @ApiOkResponse({ type: [CommuneSessionsSummaryResponse], description: 'One entry per kind' })
  summary(@Param() params: CommuneSessionsParams): Promise<CommuneSessionsSummaryResponse[]> {
    return this.sessions.summary(params.slug);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'One session with its agenda, documents and questions',
    description: 'Polling fallback for clients without server-sent events: call again with `since=<lastEventId>` to also get the events that followed.',
  })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  get(@Param() params: SessionParams, @Query() query: SessionReadQuery): Promise<CouncilSessionDetailResponse> {
    return this.sessions.get(params.slug, params.id, query.since);
  }

  @Get(':id/events')
  @Public()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id (browsers send it when they reconnect)' })
  @ApiOperation({
    summary: 'Live updates of a session as server-sent events',
    description:
      'Each event: `id` (resume point), `event` (status | question | answer | hidden | updated), `data` (JSON). A comment line every 25 s keeps the ' +
      'connection open. Without Last-Event-ID or `since`, the stream starts from now. Fallback: poll `GET …/council-sessions/:id?since=<lastEventId>`.',
  })
  @ApiOkResponse({ description: 'text/event-stream, open until the client leaves' })
  async events(
    @Param() params: SessionParams,
    @Query() query: SessionEventsQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resumeFrom = lastEventIdHeader?.trim() || query.since;
    if (resumeFrom !== undefined && !/^[0-9]{1,18}$/.test(resumeFrom)) {
      throw new ValidationFailedError([{ field: 'Last-Event-ID', messages: ['Last-Event-ID must be an event id (a whole number)'] }]);
    }
    const { commune, lastEventId } = await this.sessions.openStream(params.slug, params.id);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    let closed = false;
    let stop: (() => void) | null = null;
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      stop?.();
      raw.end();
    };
    request.raw.on('close', end);
    try {
      const unsubscribe = await this.hub.follow(commune.id, params.id, resumeFrom ?? lastEventId, {
        send: (event) => raw.write(formatEvent(event)),
        close: end,
      });
      if (closed) unsubscribe();
      else stop = unsubscribe;
    } catch {
      end();
    }
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'CouncilSession')
  @ApiOperation({ summary: 'Schedule a session (council or accountability), as a draft or published right away' })
  @ApiCreatedResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 422, description: 'A linked document is not a published document of the commune' })
  create(@Param() params: CommuneSessionsParams, @Body() body: CreateSessionDto): Promise<CouncilSessionDetailResponse> {
    return this.sessions.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'CouncilSession')
  @ApiOperation({ summary: 'Change a session: details, stream link, and the whole agenda when given' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'A cancelled session cannot be changed' }, { status: 422, description: 'A linked document is not a published document of the commune' })
  update(@Param() params: SessionParams, @Body() body: SessionDto): Promise<CouncilSessionDetailResponse> {
    return this.sessions.update(params.slug, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'CouncilSession')
  @ApiOperation({ summary: 'Publish a draft: the session is scheduled, public and open to questions' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a draft can be published' })
  publish(@Param() params: SessionParams): Promise<CouncilSessionDetailResponse> {
    return this.sessions.publish(params.slug, params.id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'CouncilSession')
  @ApiOperation({ summary: 'Live status: scheduled → live → ended, or cancelled with a reason; followers see it at once' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'Not a possible next status' })
  changeStatus(@Param() params: SessionParams, @Body() body: ChangeSessionStatusDto): Promise<CouncilSessionDetailResponse> {
    return this.sessions.changeStatus(params.slug, params.id, body.status, body.reason);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'CouncilSession')
  @ApiOperation({ summary: 'Delete a draft (a published session is cancelled instead)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses({ status: 409, description: 'The session is not a draft: cancel it instead' })
  async remove(@Param() params: SessionParams): Promise<void> {
    await this.sessions.deleteDraft(params.slug, params.id);
  }

  @Post(':id/documents')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'CouncilSession')
  @ApiOperation({ summary: 'Attach a published document: the minutes (procès-verbal) or a deliberation once ended; a photo or video any time' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'Not at this stage of the session, or already attached' }, { status: 422, description: 'Not a published document of the commune' })
  linkDocument(@Param() params: SessionParams, @Body() body: LinkSessionDocumentDto): Promise<CouncilSessionDetailResponse> {
    return this.sessions.linkDocument(params.slug, params.id, body.role, body.documentId);
  }

  @Delete(':id/documents/:documentId')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'CouncilSession')
  @ApiOperation({ summary: 'Detach a document attached in a role (the document itself stays published)' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  unlinkDocument(@Param() params: SessionDocumentParams, @Query() query: UnlinkSessionDocumentQuery): Promise<CouncilSessionDetailResponse> {
    return this.sessions.unlinkDocument(params.slug, params.id, query.role, params.documentId);
  }

  @Put(':id/summary')
  @ApiBearerAuth()
  @RequireAbility('update', 'CouncilSession')
  @ApiOperation({ summary: 'The summary written once the session has ended (null removes it)' })
  @ApiOkResponse({ type: CouncilSessionDetailResponse })
  @ApiProblemResponses({ status: 409, description: 'The session has not ended' })
  setSummary(@Param() params: SessionParams, @Body() body: SessionSummaryDto): Promise<CouncilSessionDetailResponse> {
    return this.sessions.setSummary(params.slug, params.id, body.summary);
  }

  @Post(':id/questions')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'SessionQuestion')
  @ParticipationRateLimit('council-session.question')
  @ApiOperation({ summary: 'Ask a question before or during the session' })
  @ApiCreatedResponse({ type: SessionQuestionResponse })
  @ApiProblemResponses({ status: 409, description: 'Questions are closed (the session has ended or was cancelled)' })
  ask(@Param() params: SessionParams, @Body() body: AskQuestionDto): Promise<SessionQuestionResponse> {
    return this.sessions.ask(params.slug, params.id, body.text);
  }

  @Post(':id/questions/:questionId/answer')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'SessionQuestion')
  @ApiOperation({ summary: 'Mark a question answered, with an optional short written answer' })
  @ApiOkResponse({ type: SessionQuestionResponse })
  @ApiProblemResponses({ status: 409, description: 'The question is hidden' })
  answer(@Param() params: QuestionParams, @Body() body: AnswerQuestionDto): Promise<SessionQuestionResponse> {
    return this.sessions.answer(params.slug, params.id, params.questionId, body.answer);
  }

  @Post(':id/questions/:questionId/hide')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('change_status', 'SessionQuestion')
  @ApiOperation({ summary: 'Hide a question with a reason (audited; its author sees it hidden, with the reason)' })
  @ApiOkResponse({ type: SessionQuestionResponse })
  @ApiProblemResponses({ status: 409, description: 'Already hidden' })
  hide(@Param() params: QuestionParams, @Body() body: HideQuestionDto): Promise<SessionQuestionResponse> {
    return this.sessions.hide(params.slug, params.id, params.questionId, body.reason);
  }
}

/** The hub hands the same event object to every follower of the process: serialise it once. */
const formatted = new WeakMap<SessionEventRecord, string>();

function formatEvent(event: SessionEventRecord): string {
  let text = formatted.get(event);
  if (text === undefined) {
    text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ ...event.payload, createdAt: event.createdAt })}\n\n`;
    formatted.set(event, text);
  }
  return text;
}
