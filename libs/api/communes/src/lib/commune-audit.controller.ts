import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@communes/api-core';
import { AuditRepository } from '@communes/api-audit';
import { RequireAbility } from '@communes/api-auth';
import { CommuneAccess } from './commune-access.service';
import { AuditEventsQuery, CommuneSlugParams } from './dto/communes.dto';
import { AuditEventResponse } from './dto/communes-responses.dto';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404)
@Controller('communes/:slug/audit-events')
export class CommuneAuditController {
  constructor(
    private readonly access: CommuneAccess,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @RequireAbility('read', 'AuditEvent')
  @ApiOperation({ summary: "The commune's audit trail, newest first" })
  @ApiOkResponse({ type: [AuditEventResponse] })
  async list(@Param() params: CommuneSlugParams, @Query() query: AuditEventsQuery): Promise<AuditEventResponse[]> {
    const commune = await this.access.findBySlug(params.slug);
    this.access.authorize('read', 'AuditEvent', { communeId: commune.id });
    return this.access.runIn(commune, () => this.audit.listRecent(commune.id, query.limit ?? 50, query.before));
  }
}
