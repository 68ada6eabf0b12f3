import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import {
  NEWS_BODY_MAX,
  NEWS_REASON_MAX,
  NEWS_REASON_MIN,
  NEWS_STATES,
  NEWS_SUMMARY_MAX,
  NEWS_TITLE_MAX,
  NEWS_TITLE_MIN,
  type NewsState,
} from '@communes/shared-contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CommuneNewsParams extends CommuneSlugParams {}

export class NewsParams extends CommuneNewsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class NewsListQuery {
  @ApiPropertyOptional({ enum: NEWS_STATES, description: 'Staff: only drafts, published or withdrawn articles (others only ever see published ones)' })
  @IsOptional()
  @IsIn(NEWS_STATES, { message: `state must be one of: ${NEWS_STATES.join(', ')}` })
  state?: NewsState;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(50)
  pageSize?: number;
}

export class NewsDto {
  @ApiProperty({ minLength: NEWS_TITLE_MIN, maxLength: NEWS_TITLE_MAX, example: 'Lancement des travaux de pavage à Agla' })
  @Transform(trimmed)
  @IsString()
  @Length(NEWS_TITLE_MIN, NEWS_TITLE_MAX, { message: `title must be ${NEWS_TITLE_MIN} to ${NEWS_TITLE_MAX} characters` })
  title!: string;

  @ApiPropertyOptional({ maxLength: NEWS_SUMMARY_MAX, nullable: true, type: String, description: 'One or two sentences shown in lists' })
  @IsOptional()
  @Transform(trimmed)
  @ValidateIf((dto: NewsDto) => dto.summary !== null && dto.summary !== '')
  @IsString()
  @Length(1, NEWS_SUMMARY_MAX, { message: `summary must be at most ${NEWS_SUMMARY_MAX} characters` })
  summary?: string | null;

  @ApiProperty({ maxLength: NEWS_BODY_MAX, description: 'Plain text; blank lines separate paragraphs', example: 'Le maire a lancé ce lundi les travaux de pavage…' })
  @Transform(trimmed)
  @IsString()
  @Length(1, NEWS_BODY_MAX, { message: `body must be 1 to ${NEWS_BODY_MAX} characters` })
  body!: string;
}

export class PublishNewsDto {
  @ApiPropertyOptional({ description: 'The date shown (default: now); may be in the past, not in the future', example: '2026-11-20T09:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'publishedAt must be a date-time such as 2026-11-20T09:00:00+01:00' })
  publishedAt?: string;
}

export class WithdrawNewsDto {
  @ApiProperty({ minLength: NEWS_REASON_MIN, maxLength: NEWS_REASON_MAX, example: 'Date de la cérémonie erronée' })
  @Transform(trimmed)
  @IsString()
  @Length(NEWS_REASON_MIN, NEWS_REASON_MAX, { message: `reason must be ${NEWS_REASON_MIN} to ${NEWS_REASON_MAX} characters` })
  reason!: string;
}

export class NewsCoverQuery {
  @ApiPropertyOptional({ maxLength: 300, description: 'What the image shows, for people who cannot see it' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 300, { message: 'alt must be 1 to 300 characters' })
  alt?: string;
}
