import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import { GOOD_PRACTICE_LIMITS as LIMITS, GOOD_PRACTICE_STATUSES, GOOD_PRACTICE_THEMES, type GoodPracticeStatus, type GoodPracticeTheme } from '@communes/shared-contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Plain text: trimmed, Windows line ends made Unix, at most one blank line between paragraphs. */
const paragraphs = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export class CommuneGoodPracticesParams extends CommuneSlugParams {}

export class GoodPracticeParams extends CommuneGoodPracticesParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class GoodPracticeIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/**
 * A practice as the commune writes it. A draft needs a title and a theme only; the other texts
 * may be completed later and are required (with their minimum lengths) when it is submitted.
 */
export class GoodPracticeDto {
  @ApiProperty({ minLength: LIMITS.title.min, maxLength: LIMITS.title.max, example: 'Budget participatif dans les arrondissements' })
  @Transform(trimmed)
  @IsString()
  @Length(LIMITS.title.min, LIMITS.title.max, { message: `title must be ${LIMITS.title.min} to ${LIMITS.title.max} characters` })
  title!: string;

  @ApiProperty({ enum: GOOD_PRACTICE_THEMES })
  @IsIn(GOOD_PRACTICE_THEMES, { message: `theme must be one of: ${GOOD_PRACTICE_THEMES.join(', ')}` })
  theme!: GoodPracticeTheme;

  @ApiPropertyOptional({ maxLength: LIMITS.summary.max, description: `What it is, in a few lines (${LIMITS.summary.min}+ characters to submit)` })
  @IsOptional()
  @Transform(paragraphs)
  @IsString()
  @MaxLength(LIMITS.summary.max, { message: `summary must be at most ${LIMITS.summary.max} characters` })
  summary?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.body.max, description: `How it works, plain text in paragraphs separated by a blank line (${LIMITS.body.min}+ characters to submit)` })
  @IsOptional()
  @Transform(paragraphs)
  @IsString()
  @MaxLength(LIMITS.body.max, { message: `body must be at most ${LIMITS.body.max} characters` })
  body?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.results.max, description: `Results obtained (${LIMITS.results.min}+ characters to submit)` })
  @IsOptional()
  @Transform(paragraphs)
  @IsString()
  @MaxLength(LIMITS.results.max, { message: `results must be at most ${LIMITS.results.max} characters` })
  results?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.contactRole.max, example: 'Service de la planification et du développement local', description: 'Who to contact: a role or service, not a person' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(LIMITS.contactRole.max, { message: `contactRole must be at most ${LIMITS.contactRole.max} characters` })
  contactRole?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.contactDetails.max, example: 'Mairie de Cotonou, 01 BP 358 — planification@mairie-cotonou.bj', description: "The service's official contact (public)" })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(trimmed)
  @IsString()
  @MaxLength(LIMITS.contactDetails.max, { message: `contactDetails must be at most ${LIMITS.contactDetails.max} characters` })
  contactDetails?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: LIMITS.documents.max, description: "Published documents of the same commune, in the order shown (replaces the list)" })
  @IsOptional()
  @IsArray({ message: 'documentIds must be a list of document ids' })
  @ArrayMaxSize(LIMITS.documents.max, { message: `documentIds: at most ${LIMITS.documents.max} documents` })
  @IsUUID('all', { each: true, message: 'documentIds must be document ids (UUID)' })
  documentIds?: string[];
}

export class SubmitGoodPracticeDto {
  @ApiPropertyOptional({ maxLength: LIMITS.comment.max, description: 'A note for ANCB (what changed since its last review)' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(trimmed)
  @IsString()
  @Length(LIMITS.comment.min, LIMITS.comment.max, { message: `comment must be ${LIMITS.comment.min} to ${LIMITS.comment.max} characters` })
  comment?: string;
}

export class PublishGoodPracticeDto extends SubmitGoodPracticeDto {}

/** A decision that sends the practice back or off the library: the commune must know why. */
export class ReviewCommentDto {
  @ApiProperty({ minLength: LIMITS.comment.min, maxLength: LIMITS.comment.max, example: 'Précisez les résultats chiffrés (taux de participation, montants).' })
  @Transform(trimmed)
  @IsString({ message: 'comment is required: say why' })
  @Length(LIMITS.comment.min, LIMITS.comment.max, { message: `comment must say why, in ${LIMITS.comment.min} to ${LIMITS.comment.max} characters` })
  comment!: string;
}

export class LibraryQueryDto {
  @ApiPropertyOptional({ description: 'Words to search in the title, summary, text and results', maxLength: 200 })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(trimmed)
  @IsString()
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;

  @ApiPropertyOptional({ enum: GOOD_PRACTICE_THEMES })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(GOOD_PRACTICE_THEMES, { message: `theme must be one of: ${GOOD_PRACTICE_THEMES.join(', ')}` })
  theme?: GoodPracticeTheme;

  @ApiPropertyOptional({ example: 'Littoral' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(120, { message: 'department must be at most 120 characters' })
  department?: string;

  @ApiPropertyOptional({ description: "The commune's identifier (slug)", example: 'cotonou' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'commune must be a commune identifier such as cotonou' })
  commune?: string;

  @ApiPropertyOptional({ description: 'Year of publication', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(500, { message: 'page must be 500 or less' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 to 50' })
  @Max(50, { message: 'pageSize must be 1 to 50' })
  pageSize?: number;
}

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ enum: GOOD_PRACTICE_STATUSES, description: 'Default: submitted (waiting for a decision). Drafts are never shown.' })
  @IsOptional()
  @IsIn(GOOD_PRACTICE_STATUSES.filter((s) => s !== 'draft'), { message: 'status must be submitted, changes_requested, published, rejected or unpublished' })
  status?: Exclude<GoodPracticeStatus, 'draft'>;
}
