import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { BRANDING_LIMITS } from '@communes/shared-contracts';
import { ApiProblemResponses, DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { BrandingService } from './branding.service';
import { CommuneSlugParams } from './dto/communes.dto';
import { BrandingResponse, UpdateBrandingDto } from './dto/branding.dto';

@ApiTags('communes')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug')
export class BrandingController {
  constructor(private readonly branding: BrandingService) {}

  @Patch('branding')
  @ApiBearerAuth()
  @RequireAbility('update', 'CommuneBranding')
  @ApiOperation({ summary: "Change the commune's presentation: colours, text, mayor, contact (its admins; ANCB while onboarding it)" })
  @ApiOkResponse({ type: BrandingResponse })
  @ApiProblemResponses({ status: 422, description: 'A colour is too light for white text (WCAG AA needs 4.5:1)' })
  update(@Param() params: CommuneSlugParams, @Body() body: UpdateBrandingDto): Promise<BrandingResponse> {
    return this.branding.update(params.slug, body);
  }

  @Post('logo')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('update', 'CommuneBranding')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: `Replace the logo: PNG, JPEG or WebP (checked from the bytes; SVG refused), ${BRANDING_LIMITS.logoMaxBytes / 1024} KB and ${BRANDING_LIMITS.logoMaxPixels} px a side at most` })
  @ApiOkResponse({ type: BrandingResponse })
  @ApiProblemResponses(
    { status: 413, description: 'The logo is larger than the limit' },
    { status: 415, description: 'Not multipart/form-data, or not a PNG, JPEG or WebP image (SVG is refused)' },
    { status: 422, description: 'The image is larger than 4096 × 4096 pixels' },
  )
  async replaceLogo(@Param() params: CommuneSlugParams, @Req() request: FastifyRequest): Promise<BrandingResponse> {
    if (!request.isMultipart()) {
      throw new DomainError(415, 'request.unsupported-media-type', 'Send the logo as multipart/form-data in a field named "file".');
    }
    const file = await request.file({ limits: { fileSize: BRANDING_LIMITS.logoMaxBytes + 1, files: 1 } });
    if (!file || file.fieldname !== 'file') {
      throw new DomainError(400, 'branding.logo-missing', 'Send the logo in a multipart field named "file".');
    }
    return this.branding.replaceLogo(params.slug, { stream: file.file });
  }

  @Delete('logo')
  @ApiBearerAuth()
  @RequireAbility('update', 'CommuneBranding')
  @ApiOperation({ summary: 'Remove the logo' })
  @ApiOkResponse({ type: BrandingResponse })
  removeLogo(@Param() params: CommuneSlugParams): Promise<BrandingResponse> {
    return this.branding.removeLogo(params.slug);
  }

  @Get('logo')
  @Public()
  @ApiOperation({ summary: "The commune's logo (public; cache it: the URL given in the commune's branding changes with the logo)" })
  @ApiQuery({ name: 'v', required: false, description: 'Version from logoUrl: with the current one, the answer may be cached for a year' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({
    description: 'The image: PNG, JPEG or WebP (its Content-Type says which)',
    content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
    headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched)' })
  async logo(
    @Param() params: CommuneSlugParams,
    @Query('v') version: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const logo = await this.branding.logo(params.slug);
    const etag = `"${logo.sha256}"`;
    // A URL naming the current bytes never changes meaning: cache it for good. Without (or with
    // an old) version, browsers revalidate after five minutes.
    const cacheControl = version && logo.sha256.startsWith(version) && version.length >= 8 ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
    reply.header('etag', etag).header('cache-control', cacheControl);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      logo.stream.destroy();
      await reply.code(304).send();
      return;
    }
    await reply
      .header('content-type', logo.mediaType)
      .header('content-length', logo.sizeBytes)
      .header('content-security-policy', "default-src 'none'")
      .send(logo.stream);
  }
}
