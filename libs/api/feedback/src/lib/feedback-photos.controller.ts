import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { ApiProblemResponses, DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { FEEDBACK_PHOTOS_MAX } from '@communes/shared-contracts';
import { AddFeedbackPhotoQuery, FeedbackPhotoParams, FeedbackPhotoQuery, FeedbackPhotoResponse } from './feedback-photos.dto';
import { FeedbackPhotosService } from './feedback-photos.service';
import { FeedbackParams } from './feedback.dto';
import { ParticipationRateLimit } from './participation-rate-limit';

/** Served for a week to anyone (public feedback); a photo never changes under its id. */
const PUBLIC_CACHE = 'public, max-age=604800, immutable';
/**
 * While its author may still delete it (a day after sending), a public photo is kept five
 * minutes only: a deleted photo must not live on for a week in browsers and proxies.
 */
const PUBLIC_REMOVABLE_CACHE = 'public, max-age=300';
const PRIVATE_CACHE = 'private, max-age=3600';

/**
 * Photos of a feedback. The author sends the feedback first (a small JSON request that gets its
 * tracking number), then each photo in its own request right after. On a flaky phone connection
 * that is what holds up: the text is never lost with a photo, a failed photo is retried alone,
 * and each request stays small (the web app also downscales before sending).
 */
@ApiTags('feedback')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/feedback/:id/photos')
export class FeedbackPhotosController {
  constructor(private readonly photos: FeedbackPhotosService) {}

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Feedback')
  @ParticipationRateLimit('feedback.photo', FEEDBACK_PHOTOS_MAX)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: `The author adds a photo (JPEG, PNG or WebP, 8 MB, up to ${FEEDBACK_PHOTOS_MAX}) within a day of sending the feedback; it is stored re-encoded, without location or other metadata`,
  })
  @ApiCreatedResponse({ type: FeedbackPhotoResponse })
  @ApiProblemResponses(
    { status: 409, description: 'Too late: the window has passed or the commune already handles the feedback' },
    { status: 413, description: 'The photo is larger than 8 MB' },
    { status: 415, description: 'Not multipart/form-data, or not a JPEG, PNG or WebP image (checked from its bytes)' },
    { status: 422, description: `The feedback already has ${FEEDBACK_PHOTOS_MAX} photos` },
  )
  async add(@Param() params: FeedbackParams, @Query() query: AddFeedbackPhotoQuery, @Req() request: FastifyRequest): Promise<FeedbackPhotoResponse> {
    if (!request.isMultipart()) {
      throw new DomainError(415, 'request.unsupported-media-type', 'Send the photo as multipart/form-data in a field named "file".');
    }
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new DomainError(400, 'feedback.photo-missing', 'Send the photo in a multipart field named "file".');
    }
    const { photo, placeFilled } = await this.photos.add(params.slug, params.id, { stream: file.file }, query.sharePlace === 'true');
    return {
      id: photo.id,
      feedbackId: photo.feedbackId,
      position: photo.position,
      url: photoUrl(params.slug, photo.feedbackId, photo.id),
      thumbnailUrl: `${photoUrl(params.slug, photo.feedbackId, photo.id)}?size=small`,
      mediaType: photo.mediaType,
      width: photo.width,
      height: photo.height,
      sizeBytes: photo.sizeBytes,
      placeFilled,
    };
  }

  @Get(':photoId')
  @Public()
  @ApiOperation({ summary: 'A photo of a feedback: for everyone when the feedback is public, else for its author and the commune staff' })
  @ApiOkResponse({
    description: 'The image, with its media type',
    content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/webp': { schema: { type: 'string', format: 'binary' } } },
  })
  async get(@Param() params: FeedbackPhotoParams, @Query() query: FeedbackPhotoQuery, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.photos.open(params.slug, params.id, params.photoId, query.size ?? 'full');
    if (file.sizeBytes !== null) void reply.header('content-length', file.sizeBytes);
    await reply
      .header('content-type', file.mediaType)
      .header('etag', `"${file.etag}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', file.isPublic ? (file.removable ? PUBLIC_REMOVABLE_CACHE : PUBLIC_CACHE) : PRIVATE_CACHE)
      .send(file.stream);
  }

  @Delete(':photoId')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'FeedbackPhoto')
  @ApiOperation({
    summary: 'The author removes a photo of their feedback, in the same window as adding one (a day after sending, before the commune handles it); its place is free for another',
  })
  @ApiNoContentResponse({ description: 'Removed: the photo is no longer listed nor served' })
  @ApiProblemResponses({ status: 409, description: 'Too late: the window has passed or the commune already handles the feedback' })
  async remove(@Param() params: FeedbackPhotoParams): Promise<void> {
    await this.photos.remove(params.slug, params.id, params.photoId);
  }
}

export function photoUrl(slug: string, feedbackId: string, photoId: string): string {
  return `/api/v1/communes/${slug}/feedback/${feedbackId}/photos/${photoId}`;
}
