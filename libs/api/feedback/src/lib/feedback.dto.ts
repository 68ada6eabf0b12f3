import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import {
  FEEDBACK_ANSWER_MAX,
  FEEDBACK_CATEGORIES,
  FEEDBACK_KINDS,
  FEEDBACK_PLACE_MAX,
  FEEDBACK_STATUSES,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  FEEDBACK_VISIBILITIES,
  type FeedbackCategory,
  type FeedbackKind,
  type FeedbackStatus,
  type FeedbackVisibility,
} from '@communes/shared-contracts';

export class CommuneFeedbackParams extends CommuneSlugParams {}

export class FeedbackParams extends CommuneFeedbackParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class FeedbackNumberParams extends CommuneFeedbackParams {
  @ApiProperty({ example: 'COT-2026-000123' })
  @Matches(/^[A-Za-z]{2,4}-[0-9]{4}-[0-9]{6,9}$/, { message: 'trackingNumber must look like COT-2026-000123' })
  trackingNumber!: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateFeedbackDto {
  @ApiProperty({ enum: FEEDBACK_KINDS, description: 'doleance: something is wrong; suggestion: an idea' })
  @IsIn(FEEDBACK_KINDS, { message: `kind must be one of: ${FEEDBACK_KINDS.join(', ')}` })
  kind!: FeedbackKind;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES, { message: `category must be one of: ${FEEDBACK_CATEGORIES.join(', ')}` })
  category!: FeedbackCategory;

  @ApiProperty({ minLength: FEEDBACK_TEXT_MIN, maxLength: FEEDBACK_TEXT_MAX, example: 'Le caniveau de la rue 12.045 est bouché depuis trois semaines ; l’eau stagne devant l’école.' })
  @Transform(trimmed)
  @IsString()
  @Length(FEEDBACK_TEXT_MIN, FEEDBACK_TEXT_MAX, { message: `text must be ${FEEDBACK_TEXT_MIN} to ${FEEDBACK_TEXT_MAX} characters` })
  text!: string;

  @ApiPropertyOptional({ maxLength: FEEDBACK_PLACE_MAX, example: 'Quartier Agla, près du marché' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, FEEDBACK_PLACE_MAX, { message: `place must be 1 to ${FEEDBACK_PLACE_MAX} characters` })
  place?: string;

  @ApiPropertyOptional({ example: 6.3703, description: 'With longitude, when the citizen shares the exact spot' })
  @ValidateIf((dto: CreateFeedbackDto) => dto.latitude !== undefined || dto.longitude !== undefined)
  @IsLatitude({ message: 'latitude must be a number between -90 and 90, given with longitude' })
  latitude?: number;

  @ApiPropertyOptional({ example: 2.3912 })
  @ValidateIf((dto: CreateFeedbackDto) => dto.latitude !== undefined || dto.longitude !== undefined)
  @IsLongitude({ message: 'longitude must be a number between -180 and 180, given with latitude' })
  longitude?: number;

  @ApiProperty({ enum: FEEDBACK_VISIBILITIES, description: 'public: anyone reads and supports it; private: only the commune staff and you' })
  @IsIn(FEEDBACK_VISIBILITIES, { message: 'visibility must be public or private' })
  visibility!: FeedbackVisibility;
}

export class FeedbackListQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of: ${FEEDBACK_STATUSES.join(', ')}` })
  status?: FeedbackStatus;

  @ApiPropertyOptional({ enum: FEEDBACK_CATEGORIES })
  @IsOptional()
  @IsIn(FEEDBACK_CATEGORIES, { message: `category must be one of: ${FEEDBACK_CATEGORIES.join(', ')}` })
  category?: FeedbackCategory;

  @ApiPropertyOptional({ enum: FEEDBACK_KINDS })
  @IsOptional()
  @IsIn(FEEDBACK_KINDS, { message: `kind must be one of: ${FEEDBACK_KINDS.join(', ')}` })
  kind?: FeedbackKind;

  @ApiPropertyOptional({ description: "Staff only: a member's id, or `none` for unassigned feedback" })
  @IsOptional()
  @ValidateIf((query: FeedbackListQuery) => query.assignee !== 'none')
  @IsUUID('all', { message: 'assignee must be a member id (UUID) or none' })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the feedback I sent' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'mine must be true or false' })
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class AssignFeedbackDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A member of the commune, or null to unassign' })
  @ValidateIf((dto: AssignFeedbackDto) => dto.assigneeId !== null)
  @IsUUID('all', { message: 'assigneeId must be a member id (UUID) or null' })
  assigneeId!: string | null;
}

export class AnswerFeedbackDto {
  @ApiProperty({ maxLength: FEEDBACK_ANSWER_MAX, example: 'Une équipe de la voirie interviendra le 14 mars pour curer le caniveau.' })
  @Transform(trimmed)
  @IsString()
  @Length(3, FEEDBACK_ANSWER_MAX, { message: `answer must be 3 to ${FEEDBACK_ANSWER_MAX} characters` })
  answer!: string;
}

export const STAFF_SET_STATUSES = ['in_progress', 'answered', 'resolved', 'declined'] as const;

export class ChangeFeedbackStatusDto {
  @ApiProperty({ enum: STAFF_SET_STATUSES })
  @IsIn(STAFF_SET_STATUSES, { message: `status must be one of: ${STAFF_SET_STATUSES.join(', ')}` })
  status!: (typeof STAFF_SET_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: FEEDBACK_ANSWER_MAX, description: 'The public answer: required to answer or decline (the reason), unless already given for answered' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(3, FEEDBACK_ANSWER_MAX, { message: `answer must be 3 to ${FEEDBACK_ANSWER_MAX} characters` })
  @MaxLength(FEEDBACK_ANSWER_MAX)
  answer?: string;
}
