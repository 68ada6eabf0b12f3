import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { ContractImportsService, ImportCommit, ImportPreview } from './contract-imports.service';
import { ContractRecord } from './contracts.repository';
import { ContractPage, ContractsService, ContractWithDocuments } from './contracts.service';
import {
  CommuneContractsParams,
  ContractImportParams,
  ContractParams,
  CreateContractDto,
  ListContractsQuery,
  PublishContractsDto,
  UpdateContractDto,
} from './dto/contracts.dto';
import {
  ContractImportCommitResponse,
  ContractImportPreviewResponse,
  ContractPageResponse,
  ContractResponse,
  ContractWithDocumentsResponse,
} from './dto/contract-responses.dto';

@ApiTags('contracts')
@Controller('communes/:slug/contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly imports: ContractImportsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's contracts awarded (published; drafts too for its staff), filtered, sorted and paged" })
  @ApiOkResponse({ type: ContractPageResponse })
  list(@Param() params: CommuneContractsParams, @Query() query: ListContractsQuery): Promise<ContractPage> {
    return this.contracts.list(params.slug, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A contract with its linked documents' })
  @ApiOkResponse({ type: ContractWithDocumentsResponse })
  get(@Param() params: ContractParams): Promise<ContractWithDocuments> {
    return this.contracts.get(params.slug, params.id);
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Contract')
  @ApiOperation({ summary: 'Enter one contract as a draft' })
  @ApiCreatedResponse({ type: ContractWithDocumentsResponse })
  create(@Param() params: CommuneContractsParams, @Body() body: CreateContractDto): Promise<ContractWithDocuments> {
    return this.contracts.create(params.slug, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequireAbility('update', 'Contract')
  @ApiOperation({ summary: 'Correct a draft; on a published contract, change its status only (audited)' })
  @ApiOkResponse({ type: ContractWithDocumentsResponse })
  update(@Param() params: ContractParams, @Body() body: UpdateContractDto): Promise<ContractWithDocuments> {
    return this.contracts.update(params.slug, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequireAbility('delete', 'Contract')
  @ApiOperation({ summary: 'Delete a draft (a published contract is never deleted)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param() params: ContractParams): Promise<void> {
    await this.contracts.remove(params.slug, params.id);
  }

  @Post('publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'Contract')
  @ApiOperation({ summary: 'Publish several drafts at once: citizens see them, search and open data include them' })
  @ApiOkResponse({ type: [ContractResponse] })
  publishMany(@Param() params: CommuneContractsParams, @Body() body: PublishContractsDto): Promise<ContractRecord[]> {
    return this.contracts.publish(params.slug, body.ids);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'Contract')
  @ApiOperation({ summary: 'Publish a draft' })
  @ApiOkResponse({ type: ContractResponse })
  async publish(@Param() params: ContractParams): Promise<ContractRecord> {
    const [published] = await this.contracts.publish(params.slug, [params.id]);
    return published;
  }

  @Post('imports')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Contract')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Preview an import of contracts (CSV or XLSX): every error by line, a sample; the file is kept as a draft document',
    description: 'Nothing is stored as a contract until the import is committed. An unreadable file (PDF, .xls, empty) gets 422.',
  })
  @ApiCreatedResponse({ type: ContractImportPreviewResponse })
  async preview(@Param() params: CommuneContractsParams, @Req() request: FastifyRequest): Promise<ImportPreview> {
    if (!request.isMultipart()) {
      throw new DomainError(415, 'request.unsupported-media-type', 'Send the file as multipart/form-data in a field named "file".');
    }
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new DomainError(400, 'contract.import-file-missing', 'Send the file in a multipart field named "file".');
    }
    return this.imports.preview(params.slug, { stream: file.file, fileName: file.filename });
  }

  @Post('imports/:importId/commit')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Contract')
  @ApiOperation({ summary: 'Store every line of a previewed import as drafts, all or nothing (refused if the preview had errors or a reference exists)' })
  @ApiCreatedResponse({ type: ContractImportCommitResponse })
  commit(@Param() params: ContractImportParams): Promise<ImportCommit> {
    return this.imports.commit(params.slug, params.importId);
  }
}
