import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@communes/api-core';
import { RequireAbility } from '@communes/api-auth';
import { contentDisposition } from '@communes/api-storage';
import { MonitoringService } from './monitoring.service';
import { publicationsCsv } from './monitoring-csv';
import { AdoptionMonitoringResponse, PublicationsMonitoringResponse, PublicationsQuery } from './dto/monitoring.dto';

/**
 * National figures (read only).
 *
 * Who may read what, and why:
 * - Adoption (the onboarding pipeline by month, status and department) is ANCB's and the
 *   ministry's working view of the roll-out: `read Monitoring`, held by `platform_admin` and
 *   `ministry_observer` only.
 * - The per-commune publication summary (which legally expected documents and contracts each
 *   commune has published, when it last published, its score and rank) is PUBLIC, with its CSV.
 *   Every number in it is computed from what any visitor can already read commune by commune
 *   (published documents and contracts only; the `monitoring` database scope sees nothing else),
 *   so restricting it would protect no one and would deny citizens, journalists and civil society
 *   the comparison that transparency is for. The formula is published with every answer so a
 *   commune can check its own score. Nothing personal is in it.
 */
@ApiTags('monitoring')
@ApiProblemResponses(400)
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('adoption')
  @ApiBearerAuth()
  @RequireAbility('read', 'Monitoring')
  @ApiOperation({ summary: 'Adoption: communes by status and department, onboarded and activated per month (ANCB, ministry)' })
  @ApiOkResponse({ type: AdoptionMonitoringResponse })
  @ApiProblemResponses(401, 403)
  adoption(): Promise<AdoptionMonitoringResponse> {
    return this.monitoring.adoption();
  }

  @Get('publications')
  @Public()
  @ApiOperation({ summary: 'Per commune: expected publications of the current and previous fiscal year, contracts, last publication, score and rank (public)' })
  @ApiOkResponse({ type: PublicationsMonitoringResponse })
  publications(@Query() query: PublicationsQuery): Promise<PublicationsMonitoringResponse> {
    return this.monitoring.publications({ fiscalYear: query.year, department: query.department, status: query.status });
  }

  @Get('publications.csv')
  @Public()
  @ApiOperation({ summary: 'The publication summary as CSV for Excel (UTF-8 with BOM, semicolons, French headers)' })
  @ApiOkResponse({
    description: 'One line per commune, best score first',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: { 'Content-Disposition': { description: 'attachment; publications-communes-<year>.csv', schema: { type: 'string' } } },
  })
  async publicationsCsv(@Query() query: PublicationsQuery, @Res() reply: FastifyReply): Promise<void> {
    const data = await this.monitoring.publications({ fiscalYear: query.year, department: query.department, status: query.status });
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`publications-communes-${data.fiscalYear}.csv`))
      .header('cache-control', 'no-cache')
      .send(publicationsCsv(data));
  }
}
