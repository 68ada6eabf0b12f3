import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { COMMUNE_STATUSES, CommuneStatus, MEMBERSHIP_ROLES, MembershipRole, ONBOARDING_CHECKLIST_ITEMS } from '@communes/shared-contracts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = 'slug must be lowercase letters, digits and single dashes, e.g. "abomey-calavi"';

export class CommuneSlugParams {
  @ApiProperty({ example: 'cotonou' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(80)
  slug!: string;
}

export class MemberParams extends CommuneSlugParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;
}

export class InvitationParams extends CommuneSlugParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class InvitationTokenParams {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'the invitation token is malformed' })
  token!: string;
}

export class ListCommunesQuery {
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

export class OnboardCommuneDto {
  @ApiProperty({ example: 'ouidah', description: 'A commune of the national list, or a new identifier.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(80)
  slug!: string;

  @ApiPropertyOptional({ example: 'Ouidah', description: 'Required for a commune not on the national list.' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ example: 'Atlantique' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  department?: string;

  @ApiPropertyOptional({ example: 'BJ', description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code such as BJ' })
  country?: string;

  @ApiPropertyOptional({ example: 162034 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  population?: number;
}

export class ChangeCommuneStatusDto {
  @ApiProperty({ enum: COMMUNE_STATUSES })
  @IsIn(COMMUNE_STATUSES, { message: `status must be one of: ${COMMUNE_STATUSES.join(', ')}` })
  status!: CommuneStatus;

  @ApiPropertyOptional({ description: 'Required to suspend.' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

export class UpdateChecklistDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() focalPointNamed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() staffTrained?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() firstDocumentsPublished?: boolean;
}
export const CHECKLIST_FIELDS = {
  focalPointNamed: ONBOARDING_CHECKLIST_ITEMS[0],
  staffTrained: ONBOARDING_CHECKLIST_ITEMS[1],
  firstDocumentsPublished: ONBOARDING_CHECKLIST_ITEMS[2],
} as const;

export class CreateInvitationDto {
  @ApiProperty({ example: 'sg@ouidah.bj' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  @IsIn(MEMBERSHIP_ROLES, { message: `role must be one of: ${MEMBERSHIP_ROLES.join(', ')}` })
  role!: MembershipRole;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'Required when the invitation creates your account.' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ description: 'Required when the invitation creates your account (10 characters or more).' })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password?: string;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: MEMBERSHIP_ROLES })
  @IsIn(MEMBERSHIP_ROLES, { message: `role must be one of: ${MEMBERSHIP_ROLES.join(', ')}` })
  role!: MembershipRole;
}

export class AuditEventsQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Return events older than this id (pagination).' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'before must be an event id' })
  before?: string;
}
