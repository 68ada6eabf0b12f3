import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
// Brings the multipart typings (request.file(), request.isMultipart()).
import type {} from '@fastify/multipart';
import { ApiProblemResponses, DomainError, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import type { FiscalDataPackageDescriptor } from '@communes/api-open-data';
import { contentDisposition } from '@communes/api-storage';
import { BudgetImportRejectedFilter } from './budget-import-rejected';
import { BudgetImportsService } from './budget-imports.service';
import { BudgetRecord } from './budgets.repository';
import { BudgetsService } from './budgets.service';
import { BudgetImportProblemResponse, FISCAL_DATA_PACKAGE_SCHEMA } from './dto/budget-responses.dto';
import {
  BudgetCsvQuery,
  BudgetImportParams,
  BudgetImportPreviewResponse,
  BudgetLinesQuery,
  BudgetParams,
  BudgetResponse,
  BudgetWithLinesResponse,
  CommuneBudgetsParams,
  ImportBudgetQuery,
  ListBudgetsQuery,
} from './dto/budgets.dto';

const UTF8_BOM = '\uFEFF';

@ApiTags('budgets')
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/budgets')
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly imports: BudgetImportsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The commune's budgets with their totals (published and superseded; drafts too for its staff)" })
  @ApiOkResponse({ type: [BudgetResponse] })
  list(@Param() params: CommuneBudgetsParams, @Query() query: ListBudgetsQuery): Promise<BudgetRecord[]> {
    return this.budgets.list(params.slug, query);
  }

  @Get('datapackage.json')
  @Public()
  @ApiOperation({ summary: 'Open data: the published budgets as a Fiscal Data Package descriptor (its resource is budgets.csv)' })
  @ApiOkResponse({ schema: FISCAL_DATA_PACKAGE_SCHEMA })
  async dataPackage(@Param() params: CommuneBudgetsParams): Promise<FiscalDataPackageDescriptor> {
    return (await this.budgets.dataPackage(params.slug)).descriptor;
  }

  @Get('budgets.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Open data: every line of the published budgets, one CSV (RFC 4180, UTF-8, integer XOF)' })
  @ApiOkResponse({
    description: 'Columns as in the data package descriptor; a header line even when nothing is published; sent as an attachment',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(@Param() params: CommuneBudgetsParams, @Query() query: BudgetCsvQuery, @Res() reply: FastifyReply): Promise<void> {
    const { csv } = await this.budgets.dataPackage(params.slug);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`budgets-${params.slug}.csv`))
      .header('cache-control', 'public, max-age=300')
      .send(query.excel === '1' ? UTF8_BOM + csv : csv);
  }

  @Post('imports')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Budget')
  @UseFilters(BudgetImportRejectedFilter)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: BudgetImportPreviewResponse })
  @ApiProblemResponses(
    { status: 413, description: 'The file is larger than the limit for a budget table' },
    { status: 415, description: 'Not multipart/form-data' },
    { status: 422, description: 'The file cannot be read at all (`importErrors` says why)', type: BudgetImportProblemResponse },
  )
  @ApiOperation({
    summary: 'Import a budget table (CSV or XLSX, at most 20 MB): a preview with line-by-line errors; the file is kept as a draft document',
    description: 'Columns: section, sens (recette/dépense), code, libellé, montant. A file that cannot be read at all gets 422 with the reason (in French).',
  })
  async preview(@Param() params: CommuneBudgetsParams, @Query() query: ImportBudgetQuery, @Req() request: FastifyRequest): Promise<BudgetImportPreviewResponse> {
    if (!request.isMultipart()) {
      throw new DomainError(415, 'request.unsupported-media-type', 'Send the file as multipart/form-data in a field named "file".');
    }
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new DomainError(400, 'budget-import.file-missing', 'Send the file in a multipart field named "file".');
    }
    return this.imports.preview(params.slug, { fiscalYear: query.fiscalYear, stage: query.stage }, { stream: file.file, fileName: file.filename });
  }

  @Post('imports/:importId/commit')
  @HttpCode(201)
  @ApiBearerAuth()
  @RequireAbility('create', 'Budget')
  @UseFilters(BudgetImportRejectedFilter)
  @ApiCreatedResponse({ type: BudgetResponse })
  @ApiProblemResponses(
    { status: 409, description: 'This import was already committed' },
    { status: 410, description: 'The preview has expired, or a newer import of the same budget was committed' },
    { status: 422, description: 'The preview has errors (`importErrors` lists them): fix the file and import it again', type: BudgetImportProblemResponse },
  )
  @ApiOperation({ summary: 'Turn a preview without errors into a draft budget with all its lines (all or nothing; replaces the draft of the same year and stage)' })
  commit(@Param() params: BudgetImportParams): Promise<BudgetRecord> {
    return this.imports.commit(params.slug, params.importId);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: BudgetWithLinesResponse })
  @ApiOperation({ summary: 'A budget with its lines in file order (paged, 1000 lines by default)' })
  get(@Param() params: BudgetParams, @Query() query: BudgetLinesQuery): Promise<BudgetWithLinesResponse> {
    return this.budgets.get(params.slug, params.id, query);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequireAbility('publish', 'Budget')
  @ApiOkResponse({ type: BudgetResponse })
  @ApiProblemResponses({ status: 409, description: 'The budget is not a draft, or its source document was withdrawn' })
  @ApiOperation({ summary: 'Publish a draft budget and its source file; the budget it corrects, if any, becomes superseded' })
  publish(@Param() params: BudgetParams): Promise<BudgetRecord> {
    return this.budgets.publish(params.slug, params.id);
  }
}
