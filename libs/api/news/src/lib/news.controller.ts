import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { ApiProblemResponses, DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { NewsPageResponse, NewsResponse } from './news-responses.dto';
import { NewsService } from './news.service';
import { CommuneNewsParams, NewsCoverQuery, NewsDto, NewsListQuery, NewsParams, PublishNewsDto, WithdrawNewsDto } from './news.dto';

@ApiTags('news')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/news')
export class NewsController {
  constructor(private readonly news: NewsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's published news, newest first (its staff also see drafts and withdrawn articles)" })
  @ApiOkResponse({ type: NewsPageResponse })
  list(@Param() params: CommuneNewsParams, @Query() query: NewsListQuery): Promise<NewsPageResponse> {
    return this.news.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One article (published, or any for the commune staff)' })
  @ApiOkResponse({ type: NewsResponse })
  get(@Param() params: NewsParams): Promise<NewsResponse> {
    return this.news.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'News')
  @ApiOperation({ summary: 'Write an article (a draft until published)' })
  @ApiCreatedResponse({ type: NewsResponse })
  create(@Param() params: CommuneNewsParams, @Body() body: NewsDto): Promise<NewsResponse> {
    return this.news.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'News')
  @ApiOperation({ summary: 'Correct an article (draft or published)' })
  @ApiOkResponse({ type: NewsResponse })
  @ApiProblemResponses({ status: 409, description: 'A withdrawn article cannot be changed' })
  update(@Param() params: NewsParams, @Body() body: NewsDto): Promise<NewsResponse> {
    return this.news.update(params.slug, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'News')
  @ApiOperation({ summary: 'Publish a draft: on the commune page, in the search, emailed to the followers' })
  @ApiOkResponse({ type: NewsResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a draft can be published' })
  publish(@Param() params: NewsParams, @Body() body: PublishNewsDto): Promise<NewsResponse> {
    return this.news.publish(params.slug, params.id, body.publishedAt);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('withdraw', 'News')
  @ApiOperation({ summary: 'Withdraw a published article, with the reason (kept for the staff)' })
  @ApiOkResponse({ type: NewsResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a published article can be withdrawn' })
  withdraw(@Param() params: NewsParams, @Body() body: WithdrawNewsDto): Promise<NewsResponse> {
    return this.news.withdraw(params.slug, params.id, body.reason);
  }

  @Post(':id/cover')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'News')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Set the cover image (JPEG, PNG or WebP, 8 MB; stored re-encoded without metadata)' })
  @ApiOkResponse({ type: NewsResponse })
  @ApiProblemResponses(
    { status: 409, description: 'A withdrawn article cannot be changed' },
    { status: 413, description: 'The image is larger than 8 MB' },
    { status: 415, description: 'Not multipart/form-data, or not a JPEG, PNG or WebP image (checked from its bytes)' },
  )
  async setCover(@Param() params: NewsParams, @Query() query: NewsCoverQuery, @Req() request: FastifyRequest): Promise<NewsResponse> {
    if (!request.isMultipart()) throw new DomainError(415, 'request.unsupported-media-type', 'Send the image as multipart/form-data in a field named "file".');
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new DomainError(400, 'news.cover-missing', 'Send the image in a multipart field named "file".');
    return this.news.setCover(params.slug, params.id, { stream: file.file }, query.alt ?? null);
  }

  @Delete(':id/cover')
  @ApiBearerAuth()
  @RequireAbility('update', 'News')
  @ApiOperation({ summary: 'Remove the cover image (the article stays as it is otherwise); nothing to do when it has none' })
  @ApiOkResponse({ type: NewsResponse })
  @ApiProblemResponses({ status: 409, description: 'A withdrawn article cannot be changed' })
  removeCover(@Param() params: NewsParams): Promise<NewsResponse> {
    return this.news.removeCover(params.slug, params.id);
  }

  @Get(':id/cover')
  @Public()
  @ApiOperation({ summary: "The article's cover image" })
  @ApiOkResponse({ description: 'The image', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } })
  async cover(@Param() params: NewsParams, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.news.openCover(params.slug, params.id);
    await reply
      .header('content-type', file.mediaType)
      .header('x-content-type-options', 'nosniff')
      // The URL carries the image's version: a published cover can be kept a week.
      .header('cache-control', file.isPublic ? 'public, max-age=604800' : 'private, no-store')
      .send(file.stream);
  }
}
