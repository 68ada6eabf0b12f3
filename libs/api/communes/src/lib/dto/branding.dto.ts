import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { BRANDING_LIMITS, type CommuneBranding } from '@communes/shared-contracts';
import { CommuneDetailResponse } from './communes-responses.dto';

/** Trimmed; an empty string clears the field like null does. */
const trimmedOrNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const HEX_MESSAGE = (field: string) => `${field} must be a colour in the form #rrggbb, e.g. #0b6e4f`;

/** Every field is optional: a missing field is left as it is, null (or "") clears it. */
export class UpdateBrandingDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '#0b6e4f', description: 'White text on it must reach a 4.5:1 contrast (WCAG AA)' })
  @IsOptional()
  @trimmedOrNull()
  @Matches(HEX_COLOR, { message: HEX_MESSAGE('primaryColor') })
  primaryColor?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#8a3b12', description: 'White text on it must reach a 4.5:1 contrast (WCAG AA)' })
  @IsOptional()
  @trimmedOrNull()
  @Matches(HEX_COLOR, { message: HEX_MESSAGE('secondaryColor') })
  secondaryColor?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BRANDING_LIMITS.presentationMaxLength, description: 'A short presentation, in French, plain text' })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @MaxLength(BRANDING_LIMITS.presentationMaxLength, { message: `presentation must be at most ${BRANDING_LIMITS.presentationMaxLength} characters long` })
  presentation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Luc Sètondji Atrokpo' })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @MaxLength(BRANDING_LIMITS.mayorNameMaxLength)
  mayorName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'mairie@cotonou.bj' })
  @IsOptional()
  @trimmedOrNull()
  @IsEmail({}, { message: 'contactEmail must be a valid email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+22921300000', description: 'International format' })
  @IsOptional()
  @trimmedOrNull()
  @Matches(/^\+[1-9][0-9]{7,14}$/, { message: 'contactPhone must be in international format, e.g. +22921300000' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hôtel de ville, avenue Clozel, Cotonou' })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @MaxLength(BRANDING_LIMITS.addressMaxLength)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.mairie-cotonou.bj' })
  @IsOptional()
  @trimmedOrNull()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be a web address starting with https:// or http://' })
  @MaxLength(BRANDING_LIMITS.websiteMaxLength)
  website?: string | null;
}

export class BrandingResponse implements CommuneBranding {
  @ApiProperty({ type: String, nullable: true, example: '#0b6e4f' })
  primaryColor!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#8a3b12' })
  secondaryColor!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/api/v1/communes/cotonou/logo?v=3f2a9c1b7d4e', description: 'Changes when the logo does (cache it for long)' })
  logoUrl!: string | null;

  @ApiProperty({ type: String, nullable: true })
  presentation!: string | null;

  @ApiProperty({ type: String, nullable: true })
  mayorName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactEmail!: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ type: String, nullable: true })
  website!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}

export class CommuneLastSessionsResponse {
  @ApiProperty({ type: Date, nullable: true, description: 'When the last council session that took place ended' })
  lastCouncilSessionAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When the last accountability session (reddition de comptes) that took place ended' })
  lastAccountabilitySessionAt!: Date | null;
}

export class CommunePageResponse extends CommuneDetailResponse {
  @ApiProperty({ type: BrandingResponse, description: 'How the commune presents itself (all fields null until it does)' })
  branding!: BrandingResponse;

  @ApiProperty({ type: CommuneLastSessionsResponse, description: 'When the last sessions took place (details: GET …/council-sessions/summary)' })
  sessions!: CommuneLastSessionsResponse;
}
