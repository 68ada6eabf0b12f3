import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { ApiProblemResponses, DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { contentDisposition } from '@communes/api-storage';
import { DocumentsService } from './documents.service';
import {
  CommuneDocumentsParams,
  CreateDocumentDto,
  DocumentParams,
  DocumentVersionParams,
  ListDocumentsQuery,
  WithdrawDocumentDto,
} from './dto/documents.dto';
import { DocumentResponse, DocumentVersionResponse, DocumentWithVersionsResponse } from './dto/documents-responses.dto';

@ApiTags('documents')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's documents (published and withdrawn; drafts too for its staff)" })
  @ApiOkResponse({ type: [DocumentResponse] })
  list(@Param() params: CommuneDocumentsParams, @Query() query: ListDocumentsQuery): Promise<DocumentResponse[]> {
    return this.documents.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A document with every version (and its withdrawal reason, if withdrawn)' })
  @ApiOkResponse({ type: DocumentWithVersionsResponse })
  get(@Param() params: DocumentParams): Promise<DocumentWithVersionsResponse> {
    return this.documents.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Document')
  @ApiOperation({ summary: 'Create a draft document (then upload its file as a version)' })
  @ApiCreatedResponse({ type: DocumentResponse })
  create(@Param() params: CommuneDocumentsParams, @Body() body: CreateDocumentDto): Promise<DocumentResponse> {
    return this.documents.create(params.slug, body);
  }

  @Post(':id/versions')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('update', 'Document')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a file as a new version (streamed; type checked from the bytes; size limited)' })
  @ApiCreatedResponse({ type: DocumentVersionResponse })
  @ApiProblemResponses(
    { status: 409, description: 'The document was withdrawn' },
    { status: 413, description: 'The file is larger than the upload limit' },
    { status: 415, description: 'Not multipart/form-data, or the file is not an accepted document type (checked from its bytes)' },
  )
  async addVersion(@Param() params: DocumentParams, @Req() request: FastifyRequest): Promise<DocumentVersionResponse> {
    if (!request.isMultipart()) {
      throw new DomainError(415, 'request.unsupported-media-type', 'Send the file as multipart/form-data in a field named "file".');
    }
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new DomainError(400, 'document.file-missing', 'Send the file in a multipart field named "file".');
    }
    return this.documents.addVersion(params.slug, params.id, { stream: file.file, fileName: file.filename });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'Document')
  @ApiOperation({ summary: 'Publish the uploaded version(s): citizens see it, search indexes it' })
  @ApiOkResponse({ type: DocumentWithVersionsResponse })
  @ApiProblemResponses({ status: 409, description: 'The document was withdrawn, or has no new version to publish' })
  publish(@Param() params: DocumentParams): Promise<DocumentWithVersionsResponse> {
    return this.documents.publish(params.slug, params.id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('withdraw', 'Document')
  @ApiOperation({ summary: 'Withdraw a published document; its trace and the reason stay public' })
  @ApiOkResponse({ type: DocumentWithVersionsResponse })
  @ApiProblemResponses({ status: 409, description: 'Only a published document can be withdrawn' })
  withdraw(@Param() params: DocumentParams, @Body() body: WithdrawDocumentDto): Promise<DocumentWithVersionsResponse> {
    return this.documents.withdraw(params.slug, params.id, body.reason);
  }

  @Get(':id/versions/:versionId/download')
  @Public()
  @ApiOperation({ summary: 'Download a version: a short-lived link on S3, the file itself otherwise' })
  @ApiOkResponse({
    description: 'The file itself (when stored on the filesystem), sent with its own media type (PDF, office document…)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { description: 'attachment, with the file name', schema: { type: 'string' } },
      Digest: { description: 'sha-256=<base64>, the SHA-256 of the bytes', schema: { type: 'string' } },
    },
  })
  @ApiFoundResponse({
    description: 'Redirect to a short-lived download link (when stored on S3)',
    headers: { Location: { description: 'The short-lived link (5 minutes)', schema: { type: 'string', format: 'uri' } } },
  })
  @ApiProblemResponses({ status: 410, description: 'The document was withdrawn (its files are no longer served, except to the commune staff)' })
  async download(@Param() params: DocumentVersionParams, @Res() reply: FastifyReply): Promise<void> {
    const target = await this.documents.download(params.slug, params.id, params.versionId);
    if (target.kind === 'redirect') {
      await reply.redirect(target.url, 302);
      return;
    }
    await reply
      .header('content-type', target.mediaType)
      .header('content-length', target.sizeBytes)
      .header('content-disposition', contentDisposition(target.fileName))
      .header('digest', `sha-256=${Buffer.from(target.sha256, 'hex').toString('base64')}`)
      .header('cache-control', 'public, max-age=3600, immutable')
      .send(target.stream);
  }
}
