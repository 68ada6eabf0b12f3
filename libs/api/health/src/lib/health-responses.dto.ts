import { ApiProperty } from '@nestjs/swagger';
import type { HealthStatus } from './health.controller';

/** The health check's answer, for the OpenAPI document (the web client is generated from it). */
export class HealthStatusResponse implements HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ enum: ['up'], description: 'PostgreSQL answered a constant query' })
  database!: 'up';
}
