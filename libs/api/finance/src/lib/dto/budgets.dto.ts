import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { BUDGET_DIRECTIONS, BUDGET_SECTIONS, BUDGET_STAGES, BudgetDirection, BudgetSection, BudgetStage } from '@communes/shared-contracts';
import { CommuneSlugParams } from '@communes/api-communes';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const STAGE_MESSAGE = `stage must be one of: ${BUDGET_STAGES.join(', ')}`;

// ---- Requests ------------------------------------------------------------------------------

/** `:slug` of the commune, checked like everywhere else. */
export class CommuneBudgetsParams extends CommuneSlugParams {}

export class BudgetParams extends CommuneBudgetsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class BudgetImportParams extends CommuneBudgetsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'importId must be a UUID' })
  importId!: string;
}

export class ImportBudgetQuery {
  @ApiProperty({ example: 2025 })
  @Transform(toNumber)
  @IsInt({ message: 'fiscalYear must be a year such as 2025' })
  @Min(1990)
  @Max(2100)
  fiscalYear!: number;

  @ApiProperty({ enum: BUDGET_STAGES })
  @IsIn(BUDGET_STAGES, { message: STAGE_MESSAGE })
  stage!: BudgetStage;
}

export class ListBudgetsQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'fiscalYear must be a year such as 2025' })
  @Min(1990)
  @Max(2100)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: BUDGET_STAGES })
  @IsOptional()
  @IsIn(BUDGET_STAGES, { message: STAGE_MESSAGE })
  stage?: BudgetStage;
}

export const MAX_LINES_PAGE_SIZE = 5000;

export class BudgetLinesQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'page must be an integer from 1' })
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 1000, minimum: 1, maximum: MAX_LINES_PAGE_SIZE })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: `pageSize must be an integer from 1 to ${MAX_LINES_PAGE_SIZE}` })
  @Min(1)
  @Max(MAX_LINES_PAGE_SIZE)
  pageSize?: number;
}

export class BudgetCsvQuery {
  @ApiPropertyOptional({ description: '1: starts the file with a UTF-8 byte order mark, so that Excel reads the accents right', enum: ['0', '1'] })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'excel must be 0 or 1' })
  excel?: '0' | '1';
}

// ---- Responses (OpenAPI) -------------------------------------------------------------------

class DirectionTotals {
  @ApiProperty({ example: '1250000000', description: 'Integer XOF' })
  recette!: string;

  @ApiProperty({ example: '1180000000', description: 'Integer XOF' })
  depense!: string;
}

export class BudgetTotalsResponse {
  @ApiProperty({ type: DirectionTotals })
  fonctionnement!: DirectionTotals;

  @ApiProperty({ type: DirectionTotals })
  investissement!: DirectionTotals;
}

export class BudgetLineResponse {
  @ApiProperty({ description: 'Line in the source file (or 1..n without a file)' })
  lineNumber!: number;

  @ApiProperty({ enum: BUDGET_SECTIONS })
  section!: BudgetSection;

  @ApiProperty({ enum: BUDGET_DIRECTIONS })
  direction!: BudgetDirection;

  @ApiProperty({ example: '7141' })
  code!: string;

  @ApiProperty({ example: 'Taxe foncière unique' })
  label!: string;

  @ApiProperty({ example: '350000000', description: 'Integer XOF' })
  amount!: string;
}

export class BudgetResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 2025 })
  fiscalYear!: number;

  @ApiProperty({ enum: BUDGET_STAGES })
  stage!: BudgetStage;

  @ApiProperty({ enum: ['draft', 'published', 'superseded'], description: 'superseded: replaced by a corrected budget, still readable' })
  state!: 'draft' | 'published' | 'superseded';

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  importId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The document holding the file the lines were read from' })
  sourceDocumentId!: string | null;

  @ApiProperty()
  lineCount!: number;

  @ApiProperty({ type: BudgetTotalsResponse })
  totals!: BudgetTotalsResponse;

  @ApiProperty({ nullable: true, type: Date })
  publishedAt!: Date | null;

  @ApiProperty({ nullable: true, type: Date })
  supersededAt!: Date | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The budget that replaced this one' })
  supersededBy!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class BudgetWithLinesResponse extends BudgetResponse {
  @ApiProperty({ type: [BudgetLineResponse] })
  lines!: BudgetLineResponse[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

class ImportErrorResponse {
  @ApiProperty({ description: 'Line in the file as a person sees it; 0 for the whole file' })
  line!: number;

  @ApiProperty({ nullable: true, type: String, description: 'Column title in the file' })
  column!: string | null;

  @ApiProperty({ example: 'Montant manquant' })
  message!: string;
}

class PreviewLineResponse {
  @ApiProperty()
  line!: number;

  @ApiProperty({ enum: BUDGET_SECTIONS })
  section!: BudgetSection;

  @ApiProperty({ enum: BUDGET_DIRECTIONS })
  direction!: BudgetDirection;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'Integer XOF' })
  amount!: string;
}

export class BudgetImportPreviewResponse {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty()
  fiscalYear!: number;

  @ApiProperty({ enum: BUDGET_STAGES })
  stage!: BudgetStage;

  @ApiProperty({ enum: ['csv', 'xlsx'] })
  format!: 'csv' | 'xlsx';

  @ApiProperty({ format: 'uuid', description: 'The draft document keeping the file (published with the budget)' })
  sourceDocumentId!: string;

  @ApiProperty({ description: 'Data lines read below the header' })
  totalLines!: number;

  @ApiProperty()
  validLines!: number;

  @ApiProperty({ description: 'All errors; `errors` lists the first 1000' })
  errorCount!: number;

  @ApiProperty({ type: [ImportErrorResponse] })
  errors!: ImportErrorResponse[];

  @ApiProperty({ type: BudgetTotalsResponse, description: 'Totals of the valid lines' })
  totals!: BudgetTotalsResponse;

  @ApiProperty({ type: [PreviewLineResponse], description: 'The first 20 valid lines' })
  sample!: PreviewLineResponse[];

  @ApiProperty({ description: 'After this, the preview can no longer be committed' })
  expiresAt!: Date;
}
