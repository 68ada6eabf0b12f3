import { ApiProperty } from '@nestjs/swagger';
import type { AgendaEventRecord, AgendaEventState } from './agenda.repository';

/** An event of the mayor's agenda, for the OpenAPI document (the web client is generated from it). */
export class AgendaEventResponse implements AgendaEventRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'Visite du chantier du marché de Dantokpa' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Hôtel de ville, salle des délibérations' })
  location!: string | null;

  @ApiProperty({ type: Date })
  startsAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  endsAt!: Date | null;

  @ApiProperty({ enum: ['draft', 'published', 'cancelled'], description: 'Drafts are seen by the commune staff only; a cancelled event stays visible with its reason' })
  state!: AgendaEventState;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  cancelledAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  cancellationReason!: string | null;
}
