import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { contentDisposition } from '@communes/api-storage';
import { DocumentRecord, DocumentVersionRecord } from './documents.repository';
import { DocumentsService, DocumentWithVersions } from './documents.service';
import {
  CommuneDocumentsParams,
  CreateDocumentDto,
  DocumentParams,
  DocumentVersionParams,
  ListDocumentsQuery,
  WithdrawDocumentDto,
} from './dto/documents.dto';

@ApiTags('documents')
@Controller('communes/:slug/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's documents (published and withdrawn; drafts too for its staff)" })
  list(@Param() params: CommuneDocumentsParams, @Query() query: ListDocumentsQuery): Promise<DocumentRecord[]> {
    return this.documents.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A document with every version (and its withdrawal reason, if withdrawn)' })
  get(@Param() params: DocumentParams): Promise<DocumentWithVersions> {
    return this.documents.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Document')
  @ApiOperation({ summary: 'Create a draft document (then upload its file as a version)' })
  create(@Param() params: CommuneDocumentsParams, @Body() body: CreateDocumentDto): Promise<DocumentRecord> {
    return this.documents.create(params.slug, body);
  }

  @Post(':id/versions')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('update', 'Document')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a file as a new version (streamed; type checked from the bytes; size limited)' })
  async addVersion(@Param() params: DocumentParams, @Req() request: FastifyRequest): Promise<DocumentVersionRecord> {
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
  publish(@Param() params: DocumentParams): Promise<DocumentWithVersions> {
    return this.documents.publish(params.slug, params.id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('withdraw', 'Document')
  @ApiOperation({ summary: 'Withdraw a published document; its trace and the reason stay public' })
  withdraw(@Param() params: DocumentParams, @Body() body: WithdrawDocumentDto): Promise<DocumentWithVersions> {
    return this.documents.withdraw(params.slug, params.id, body.reason);
  }

  @Get(':id/versions/:versionId/download')
  @Public()
  @ApiOperation({ summary: 'Download a version: a short-lived link on S3, the file itself otherwise' })
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
