import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  COMMUNE_STATUSES,
  DOCUMENT_CATEGORIES,
  type AdoptionByDepartment,
  type AdoptionMonitoring,
  type AdoptionMonth,
  type CommunePublicationSummary,
  type CommuneStatus,
  type ContractsPublishedStatus,
  type DocumentCategory,
  type ExpectedPublicationStatus,
  type PublicationScoring,
  type PublicationsMonitoring,
} from '@communes/shared-contracts';

export class PublicationsQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Reference fiscal year (default: the current one); the previous year is shown too' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'year must be a whole number such as 2026' })
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'Atlantique' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  department?: string;

  @ApiPropertyOptional({ enum: COMMUNE_STATUSES })
  @IsOptional()
  @IsIn(COMMUNE_STATUSES, { message: `status must be one of: ${COMMUNE_STATUSES.join(', ')}` })
  status?: CommuneStatus;
}

export class ExpectedPublicationStatusResponse implements ExpectedPublicationStatus {
  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  category!: DocumentCategory;

  @ApiProperty({ example: 2026 })
  fiscalYear!: number;

  @ApiProperty({ description: 'False when the law does not require it yet (the current year’s compte administratif); it then earns no points' })
  expected!: boolean;

  @ApiProperty()
  published!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the first published document of that kind and year went public' })
  firstPublishedAt!: string | null;
}

export class ContractsPublishedStatusResponse implements ContractsPublishedStatus {
  @ApiProperty({ example: 2026 })
  fiscalYear!: number;

  @ApiProperty({ description: 'Published contracts awarded that year' })
  published!: number;
}

export class CommunePublicationSummaryResponse implements CommunePublicationSummary {
  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'cotonou' })
  slug!: string;

  @ApiProperty({ example: 'Cotonou' })
  name!: string;

  @ApiProperty({ example: 'Littoral' })
  department!: string;

  @ApiProperty({ enum: COMMUNE_STATUSES })
  status!: CommuneStatus;

  @ApiProperty()
  isPilot!: boolean;

  @ApiProperty({ type: [ExpectedPublicationStatusResponse], description: 'Current year first, then the previous one' })
  publications!: ExpectedPublicationStatusResponse[];

  @ApiProperty({ type: [ContractsPublishedStatusResponse], description: 'Previous year, then the current one' })
  contracts!: ContractsPublishedStatusResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest published document or contract' })
  lastPublishedAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  daysSinceLastPublication!: number | null;

  @ApiProperty({ description: 'Out of scoring.maxScore; see scoring.formulaFr' })
  score!: number;

  @ApiProperty({ description: '1 for the best score; equal scores share a rank' })
  rank!: number;
}

export class FreshnessStepResponse {
  @ApiProperty()
  withinDays!: number;

  @ApiProperty()
  points!: number;
}

export class PublicationScoringResponse implements PublicationScoring {
  @ApiProperty({ example: 100 })
  maxScore!: number;

  @ApiProperty()
  formulaFr!: string;

  @ApiProperty()
  formulaEn!: string;

  @ApiProperty({ example: 10 })
  pointsPerExpectedDocument!: number;

  @ApiProperty({ example: 10 })
  pointsPerYearWithContracts!: number;

  @ApiProperty({ type: [FreshnessStepResponse], description: 'The first step the latest publication falls within gives its points' })
  freshness!: FreshnessStepResponse[];
}

export class PublicationsMonitoringResponse implements PublicationsMonitoring {
  @ApiProperty({ example: 2026 })
  fiscalYear!: number;

  @ApiProperty({ example: 2025 })
  previousFiscalYear!: number;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: PublicationScoringResponse })
  scoring!: PublicationScoringResponse;

  @ApiProperty({ type: [CommunePublicationSummaryResponse], description: 'Best score first' })
  communes!: CommunePublicationSummaryResponse[];
}

export class AdoptionMonthResponse implements AdoptionMonth {
  @ApiProperty({ example: '2026-03', description: 'In Benin’s time zone' })
  month!: string;

  @ApiProperty({ description: 'Communes whose onboarding started that month' })
  onboarded!: number;

  @ApiProperty({ description: 'Communes activated that month' })
  activated!: number;

  @ApiProperty()
  onboardedTotal!: number;

  @ApiProperty()
  activatedTotal!: number;
}

export class AdoptionByDepartmentResponse implements AdoptionByDepartment {
  @ApiProperty({ example: 'Atlantique' })
  department!: string;

  @ApiProperty()
  total!: number;

  @ApiProperty()
  notOnboarded!: number;

  @ApiProperty()
  onboarding!: number;

  @ApiProperty()
  active!: number;

  @ApiProperty()
  suspended!: number;
}

export class AdoptionByStatusResponse implements Record<CommuneStatus, number> {
  @ApiProperty() not_onboarded!: number;
  @ApiProperty() onboarding!: number;
  @ApiProperty() active!: number;
  @ApiProperty() suspended!: number;
}

export class AdoptionMonitoringResponse implements AdoptionMonitoring {
  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ description: 'Communes on the platform, whatever their status' })
  total!: number;

  @ApiProperty({ type: AdoptionByStatusResponse })
  byStatus!: AdoptionByStatusResponse;

  @ApiProperty({ type: [AdoptionByDepartmentResponse] })
  byDepartment!: AdoptionByDepartmentResponse[];

  @ApiProperty({ type: [AdoptionMonthResponse], description: 'Every month from the first onboarding to now, oldest first' })
  byMonth!: AdoptionMonthResponse[];
}
