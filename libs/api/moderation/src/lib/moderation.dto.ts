import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import {
  MODERATED_CONTENT_KINDS,
  MODERATION_QUEUE_STATES,
  MODERATION_REASON_MAX,
  MODERATION_REASON_MIN,
  REPORT_DETAILS_MAX,
  REPORT_REASONS,
  type ModeratedContentKind,
  type ModerationQueueState,
  type ReportReason,
} from '@communes/shared-contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CommuneModerationParams extends CommuneSlugParams {}

export class ModeratedContentParams extends CommuneSlugParams {
  @ApiProperty({ enum: MODERATED_CONTENT_KINDS })
  @IsIn(MODERATED_CONTENT_KINDS, { message: `kind must be one of: ${MODERATED_CONTENT_KINDS.join(', ')}` })
  kind!: ModeratedContentKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class CreateReportDto {
  @ApiProperty({ enum: MODERATED_CONTENT_KINDS })
  @IsIn(MODERATED_CONTENT_KINDS, { message: `contentKind must be one of: ${MODERATED_CONTENT_KINDS.join(', ')}` })
  contentKind!: ModeratedContentKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'contentId must be a UUID' })
  contentId!: string;

  @ApiProperty({ enum: REPORT_REASONS, description: 'spam, abuse (insults, threats), personal_data, off_topic, other' })
  @IsIn(REPORT_REASONS, { message: `reason must be one of: ${REPORT_REASONS.join(', ')}` })
  reason!: ReportReason;

  @ApiPropertyOptional({ maxLength: REPORT_DETAILS_MAX, example: 'Le message donne le numéro de téléphone d’un voisin.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, REPORT_DETAILS_MAX, { message: `details must be 1 to ${REPORT_DETAILS_MAX} characters` })
  details?: string;
}

export class ModerationQueueQuery {
  @ApiPropertyOptional({ enum: MODERATION_QUEUE_STATES, default: 'open', description: 'open: with reports to handle; handled: reports all handled; hidden: every hidden content, reported or not' })
  @IsOptional()
  @IsIn(MODERATION_QUEUE_STATES, { message: `state must be one of: ${MODERATION_QUEUE_STATES.join(', ')}` })
  state?: ModerationQueueState;

  @ApiPropertyOptional({ enum: MODERATED_CONTENT_KINDS })
  @IsOptional()
  @IsIn(MODERATED_CONTENT_KINDS, { message: `kind must be one of: ${MODERATED_CONTENT_KINDS.join(', ')}` })
  kind?: ModeratedContentKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(1000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ModerationDecisionDto {
  @ApiProperty({ minLength: MODERATION_REASON_MIN, maxLength: MODERATION_REASON_MAX, example: 'Propos injurieux envers un habitant', description: 'Audited; when hiding, shown and emailed to the author' })
  @Transform(trimmed)
  @IsString()
  @Length(MODERATION_REASON_MIN, MODERATION_REASON_MAX, { message: `reason must say why, in ${MODERATION_REASON_MIN} to ${MODERATION_REASON_MAX} characters` })
  reason!: string;
}
