import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { HealthStatusResponse } from './health-responses.dto';

export interface HealthStatus {
  status: 'ok';
  database: 'up';
}

@ApiTags('health')
@ApiProblemResponses(401, { status: 500, description: 'The database is not reachable, or another failure' })
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check, for load balancers and monitoring' })
  @ApiOkResponse({ type: HealthStatusResponse })
  async check(): Promise<HealthStatusResponse> {
    try {
      // No tenant data is read: a constant query proves the pool can reach PostgreSQL.
      await this.dataSource.query('select 1');
    } catch {
      throw new ServiceUnavailableException('The database is not reachable.');
    }
    return { status: 'ok', database: 'up' };
  }
}
