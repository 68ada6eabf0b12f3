import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CONTRACT_STATUSES,
  ContractStatus,
  PROCUREMENT_CATEGORIES,
  PROCUREMENT_METHODS,
  ProcurementCategory,
  ProcurementMethod,
} from '@communes/shared-contracts';
import { CONTRACT_LIMITS, FIRST_YEAR, LAST_YEAR, MAX_AMOUNT_DIGITS } from '../contract-rules';
import { CONTRACT_SORTS, ContractSort, ContractState } from '../contracts.repository';
import { CommuneSlugParams } from '@communes/api-communes';

const AMOUNT = new RegExp(`^[0-9]{1,${MAX_AMOUNT_DIGITS}}$`);
const AMOUNT_MESSAGE = `must be a whole number of francs CFA written as a string, at most ${MAX_AMOUNT_DIGITS} digits, e.g. "45000000"`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AWARD_DATE = /^(199\d|20\d\d|2100)-\d{2}-\d{2}$/;
const CONTRACT_STATES: readonly ContractState[] = ['draft', 'published'];
const MAX_DOCUMENTS = 20;
export const MAX_PUBLISH_IDS = 500;

/** Trims text; a blank optional text becomes null (no value), a blank required text stays '' (refused). */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimmedOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
/** A blank filter (an empty form field) is no filter. */
const trimmedOrUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);
const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** Present in a PATCH: then it must be valid (null is refused for required fields). */
const present = (_object: object, value: unknown) => value !== undefined;

/** `:slug` of the commune, checked like everywhere else. */
export class CommuneContractsParams extends CommuneSlugParams {}

export class ContractParams extends CommuneContractsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class ContractImportParams extends CommuneContractsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'importId must be a UUID' })
  importId!: string;
}

export class ListContractsQuery {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of: ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({ enum: PROCUREMENT_CATEGORIES })
  @IsOptional()
  @IsIn(PROCUREMENT_CATEGORIES, { message: `category must be one of: ${PROCUREMENT_CATEGORIES.join(', ')}` })
  category?: ProcurementCategory;

  @ApiPropertyOptional({ enum: PROCUREMENT_METHODS })
  @IsOptional()
  @IsIn(PROCUREMENT_METHODS, { message: `procurementMethod must be one of: ${PROCUREMENT_METHODS.join(', ')}` })
  procurementMethod?: ProcurementMethod;

  @ApiPropertyOptional({ enum: CONTRACT_STATES, description: "Only meaningful for the commune's staff: the public sees published contracts only" })
  @IsOptional()
  @IsIn(CONTRACT_STATES, { message: 'state must be draft or published' })
  state?: ContractState;

  @ApiPropertyOptional({ example: 2024, description: 'Year of the award' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'year must be a year such as 2024' })
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;

  @ApiPropertyOptional({ example: 'houenou', description: "Part of the awardee's name (accents and case ignored)" })
  @IsOptional()
  @Transform(trimmedOrUndefined)
  @IsString()
  @MaxLength(100)
  awardee?: string;

  @ApiPropertyOptional({ example: '10000000', description: 'Smallest amount, integer XOF' })
  @IsOptional()
  @Matches(AMOUNT, { message: `amountMin ${AMOUNT_MESSAGE}` })
  amountMin?: string;

  @ApiPropertyOptional({ example: '100000000', description: 'Largest amount, integer XOF' })
  @IsOptional()
  @Matches(AMOUNT, { message: `amountMax ${AMOUNT_MESSAGE}` })
  amountMax?: string;

  @ApiPropertyOptional({ enum: CONTRACT_SORTS, default: '-awardDate', description: 'A leading "-" sorts in descending order' })
  @IsOptional()
  @IsIn(CONTRACT_SORTS, { message: `sort must be one of: ${CONTRACT_SORTS.join(', ')}` })
  sort?: ContractSort;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** A contract entered by hand; the same fields as a line of an import file. */
export class CreateContractDto {
  @ApiProperty({ example: 'N°2025/014/MC/SG/PRMP' })
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.reference)
  reference!: string;

  @ApiProperty({ example: 'Construction de trois modules de classes à l’EPP de Zogbo' })
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.object)
  object!: string;

  @ApiProperty({ enum: PROCUREMENT_METHODS })
  @IsIn(PROCUREMENT_METHODS, { message: `procurementMethod must be one of: ${PROCUREMENT_METHODS.join(', ')}` })
  procurementMethod!: ProcurementMethod;

  @ApiProperty({ enum: PROCUREMENT_CATEGORIES })
  @IsIn(PROCUREMENT_CATEGORIES, { message: `category must be one of: ${PROCUREMENT_CATEGORIES.join(', ')}` })
  category!: ProcurementCategory;

  @ApiProperty({ example: 'Entreprise Houénou & Fils SARL' })
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.awardeeName)
  awardeeName!: string;

  @ApiPropertyOptional({ example: '3201912345678', nullable: true, description: "The awardee's IFU (13 digits)" })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(CONTRACT_LIMITS.awardeeIdentifier)
  awardeeIdentifier?: string | null;

  @ApiProperty({ example: '45000000', description: 'Integer XOF, as a string' })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount!: string;

  @ApiProperty({ example: '2025-03-15' })
  @Matches(AWARD_DATE, { message: `awardDate must be a date (YYYY-MM-DD) between ${FIRST_YEAR} and ${LAST_YEAR}` })
  @IsISO8601({ strict: true }, { message: 'awardDate must be a real calendar date' })
  awardDate!: string;

  @ApiPropertyOptional({ example: '2025-04-01', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a real calendar date' })
  startDate?: string | null;

  @ApiPropertyOptional({ example: '2025-12-31', nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'endDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a real calendar date' })
  endDate?: string | null;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of: ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({ example: 'FADeC investissement 2025', nullable: true })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(CONTRACT_LIMITS.fundingSource)
  fundingSource?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Documents of the commune to link (e.g. the signed contract)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'documentIds must be document UUIDs' })
  documentIds?: string[];
}

/**
 * Changes to a contract. A draft may change anything; a published contract only its status
 * (terminated, cancelled...), which is audited.
 */
export class UpdateContractDto {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.reference)
  reference?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.object)
  object?: string;

  @ApiPropertyOptional({ enum: PROCUREMENT_METHODS })
  @ValidateIf(present)
  @IsIn(PROCUREMENT_METHODS, { message: `procurementMethod must be one of: ${PROCUREMENT_METHODS.join(', ')}` })
  procurementMethod?: ProcurementMethod;

  @ApiPropertyOptional({ enum: PROCUREMENT_CATEGORIES })
  @ValidateIf(present)
  @IsIn(PROCUREMENT_CATEGORIES, { message: `category must be one of: ${PROCUREMENT_CATEGORIES.join(', ')}` })
  category?: ProcurementCategory;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @Transform(trimmed)
  @IsString()
  @Length(1, CONTRACT_LIMITS.awardeeName)
  awardeeName?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(CONTRACT_LIMITS.awardeeIdentifier)
  awardeeIdentifier?: string | null;

  @ApiPropertyOptional({ description: 'Integer XOF, as a string' })
  @ValidateIf(present)
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @Matches(AWARD_DATE, { message: `awardDate must be a date (YYYY-MM-DD) between ${FIRST_YEAR} and ${LAST_YEAR}` })
  @IsISO8601({ strict: true }, { message: 'awardDate must be a real calendar date' })
  awardDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a real calendar date' })
  startDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'endDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a real calendar date' })
  endDate?: string | null;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @ValidateIf(present)
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of: ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(CONTRACT_LIMITS.fundingSource)
  fundingSource?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the linked documents (drafts only)' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'documentIds must be document UUIDs' })
  documentIds?: string[];
}

export class PublishContractsDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_PUBLISH_IDS })
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one contract' })
  @ArrayMaxSize(MAX_PUBLISH_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'ids must be contract UUIDs' })
  ids!: string[];
}
