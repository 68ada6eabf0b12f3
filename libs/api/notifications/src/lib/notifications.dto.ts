import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { UNSUBSCRIBE_TOKEN_PATTERN } from './unsubscribe-token';

export class FollowResponse {
  @ApiProperty({ example: 'cotonou' })
  communeSlug!: string;

  @ApiProperty({ example: 'Cotonou' })
  communeName!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  followedAt!: Date;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ enum: ['fr', 'en'], description: 'Language of the emails' })
  language!: 'fr' | 'en';

  @ApiProperty({ description: 'false: no email at all (follows are kept, nothing is sent)' })
  emailsEnabled!: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ enum: ['fr', 'en'] })
  @IsOptional()
  @IsIn(['fr', 'en'], { message: 'language must be "fr" or "en"' })
  language?: 'fr' | 'en';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'emailsEnabled must be true or false' })
  emailsEnabled?: boolean;
}

export class UnsubscribeParams {
  @ApiProperty({ description: 'The signed token of the email’s link' })
  @Matches(UNSUBSCRIBE_TOKEN_PATTERN, { message: 'token is not an unsubscribe token (copy the whole link from the email)' })
  token!: string;
}

export class UnsubscribeResponse {
  @ApiProperty({ enum: ['commune', 'all'], description: 'commune: that commune’s emails stop; all: every email stops' })
  scope!: 'commune' | 'all';

  @ApiProperty({ type: String, nullable: true })
  communeSlug!: string | null;

  @ApiProperty({ type: String, nullable: true })
  communeName!: string | null;

  @ApiProperty({ enum: ['fr', 'en'] })
  language!: 'fr' | 'en';
}

export class FailedDeliveriesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

export class FailedDeliveryResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'cotonou' })
  communeSlug!: string;

  @ApiProperty({ example: 'ci***@example.org', description: 'Masked: the domain, not the person' })
  recipientEmail!: string;

  @ApiProperty({ example: 'document.published' })
  template!: string;

  @ApiProperty({ enum: ['fr', 'en'] })
  language!: 'fr' | 'en';

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  lastAttemptAt!: Date;
}
