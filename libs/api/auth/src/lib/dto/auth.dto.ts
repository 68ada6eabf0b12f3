import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEmpty, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class RegisterDto {
  @ApiPropertyOptional({ example: 'awa@example.bj', description: 'Email or phone is required.' })
  @ValidateIf((dto: RegisterDto) => dto.phone === undefined || dto.email !== undefined)
  @IsEmail({}, { message: 'email must be a valid email address (or give a phone number instead)' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+229 01 97 00 00 00' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: 'Awa Dossou' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName!: string;
}

export class LoginDto {
  @ApiProperty({ example: 'citoyen@demo.communes.bj', description: 'Email address or phone number.' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  identifier!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

/**
 * The body of /auth/refresh and /auth/logout: none. The refresh token is the cookie; one sent in
 * the body, as the former API took it, is refused with a message that says so (any other field
 * too, as everywhere).
 */
export class NoBodyDto {
  @ApiHideProperty()
  @IsEmpty({ message: 'refreshToken is no longer accepted in the body: the refresh token is the httpOnly cookie set at login' })
  refreshToken?: never;
}

/** What login, register and refresh answer; the refresh token goes in its cookie only. */
export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds.' }) expiresIn!: number;
}

export class MeMembershipDto {
  @ApiProperty() communeId!: string;
  @ApiProperty() communeSlug!: string;
  @ApiProperty() communeName!: string;
  @ApiProperty({ enum: ['admin', 'editor', 'moderator'] }) role!: string;
}

export class MeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, enum: ['platform_admin', 'ministry_observer'] }) platformRole!: string | null;
  @ApiProperty({ type: [MeMembershipDto] }) memberships!: MeMembershipDto[];
}
