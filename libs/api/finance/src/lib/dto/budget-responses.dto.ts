import { ApiProperty, type ApiResponseSchemaHost } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@communes/api-core';

/**
 * Response shapes of the budget routes that `budgets.dto.ts` does not already describe, for the
 * OpenAPI document (the web client is generated from it). Schema names are global to it.
 */

/** The descriptor follows the Fiscal Data Package specification; it is not repeated here. */
export const FISCAL_DATA_PACKAGE_SCHEMA: ApiResponseSchemaHost['schema'] = {
  type: 'object',
  description:
    'A Fiscal Data Package descriptor (https://fiscal.datapackage.org/): one tabular resource, the budgets.csv of the commune, with its table schema and fiscal model (amounts in integer XOF)',
  additionalProperties: true,
  required: ['profile', 'name', 'title', 'description', 'countryCode', 'granularity', 'resources', 'model'],
  properties: {
    profile: { type: 'string', enum: ['fiscal-data-package'] },
    name: { type: 'string', example: 'budgets-cotonou' },
    title: { type: 'string' },
    description: { type: 'string' },
    countryCode: { type: 'string', example: 'BJ' },
    granularity: { type: 'string', enum: ['aggregated'] },
    fiscalPeriod: {
      type: 'object',
      description: 'The years of the published budgets (absent when none is published)',
      properties: { start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } },
    },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          name: { type: 'string' },
          path: { type: 'string', format: 'uri', description: 'The budgets.csv route of the commune' },
          profile: { type: 'string', enum: ['tabular-data-resource'] },
          format: { type: 'string', enum: ['csv'] },
          mediatype: { type: 'string', enum: ['text/csv'] },
          encoding: { type: 'string', enum: ['utf-8'] },
          dialect: { type: 'object', additionalProperties: true },
          schema: { type: 'object', additionalProperties: true, description: 'Table Schema: fields and missingValues' },
        },
      },
    },
    model: {
      type: 'object',
      additionalProperties: true,
      properties: {
        measures: { type: 'object', additionalProperties: true },
        dimensions: { type: 'object', additionalProperties: true },
      },
    },
  },
};

export class BudgetImportProblemErrorResponse {
  @ApiProperty({ description: 'Line in the file as a person sees it; 0 for the whole file' })
  line!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Column title in the file' })
  column!: string | null;

  @ApiProperty({ example: 'Montant manquant', description: 'In French, for the staff who fix the file' })
  message!: string;
}

/** 422 of the budget imports: the usual problem details plus the line-by-line report. */
export class BudgetImportProblemResponse extends ProblemDetailsDto {
  @ApiProperty({ type: [BudgetImportProblemErrorResponse], description: 'RFC 9457 extension member: what to fix in the file' })
  importErrors!: BudgetImportProblemErrorResponse[];
}
