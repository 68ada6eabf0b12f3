import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses, Public } from '@communes/api-core';
import type { OcdsReleasePackage } from '@communes/api-open-data';
import { ContractsOpenDataService } from './contracts-open-data.service';
import { OCDS_RELEASE_PACKAGE_SCHEMA } from './dto/contract-responses.dto';
import { CommuneContractsParams } from './dto/contracts.dto';

/** Open data: published contracts as OCDS 1.1 release packages, for anyone. */
@ApiTags('open data')
@ApiProblemResponses(401)
@Controller()
export class ContractsOpenDataController {
  constructor(private readonly openData: ContractsOpenDataService) {}

  @Get('communes/:slug/contracts.ocds.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: "The commune's published contracts as an OCDS 1.1 release package (404 if it has published none)" })
  @ApiOkResponse({ schema: OCDS_RELEASE_PACKAGE_SCHEMA })
  @ApiProblemResponses(400, { status: 404, description: 'No such commune, or it has published no contract yet' })
  commune(@Param() params: CommuneContractsParams, @Req() request: FastifyRequest): Promise<OcdsReleasePackage> {
    return this.openData.communePackage(params.slug, request.url);
  }

  @Get('contracts.ocds.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: "Every commune's published contracts as one OCDS 1.1 release package" })
  @ApiOkResponse({ schema: OCDS_RELEASE_PACKAGE_SCHEMA })
  @ApiProblemResponses({ status: 404, description: 'No commune has published any contract yet' })
  national(@Req() request: FastifyRequest): Promise<OcdsReleasePackage> {
    return this.openData.nationalPackage(request.url);
  }
}
