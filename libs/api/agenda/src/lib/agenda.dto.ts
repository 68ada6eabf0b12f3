import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';

/** `:slug` of the commune, checked like everywhere else. */
export class CommuneAgendaParams extends CommuneSlugParams {}

export class AgendaEventParams extends CommuneAgendaParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class AgendaPeriodQuery {
  @ApiPropertyOptional({ description: 'From this date-time (default: today)', example: '2025-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date such as 2025-01-31' })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this date-time (exclusive)', example: '2025-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date such as 2025-12-31' })
  to?: string;
}

export class AgendaEventDto {
  @ApiProperty({ example: 'Visite du chantier du marché de Dantokpa' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ example: 'Hôtel de ville, salle des délibérations' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;

  @ApiProperty({ example: '2025-03-12T09:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date-time such as 2025-03-12T09:00:00+01:00' })
  startsAt!: string;

  @ApiPropertyOptional({ example: '2025-03-12T11:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date-time such as 2025-03-12T11:00:00+01:00' })
  endsAt?: string;
}

export class CreateAgendaEventDto extends AgendaEventDto {
  @ApiPropertyOptional({ description: 'Publish right away (default: keep as a draft)' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class CancelAgendaEventDto {
  @ApiProperty({ example: 'Reportée en raison des intempéries' })
  @IsString()
  @Length(3, 1000, { message: 'reason must say, in 3 to 1000 characters, why the event is cancelled' })
  reason!: string;
}
