import { ApiProperty } from '@nestjs/swagger';
import { CONTRACT_STATUSES, ContractStatus, DOCUMENT_CATEGORIES, DOCUMENT_STATES, PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from '@communes/shared-contracts';
import type { DocumentCategory, DocumentState, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';
import type { ContractState } from '../contracts.repository';

/**
 * Response shapes, for the OpenAPI document (the web client is generated from it). Names carry
 * "Contract" because schema names are global to the document.
 */
export class ContractFieldsResponse {
  @ApiProperty({ example: 'N°2025/014/MC/SG/PRMP' })
  reference!: string;

  @ApiProperty()
  object!: string;

  @ApiProperty({ enum: PROCUREMENT_METHODS })
  procurementMethod!: ProcurementMethod;

  @ApiProperty({ enum: PROCUREMENT_CATEGORIES })
  category!: ProcurementCategory;

  @ApiProperty()
  awardeeName!: string;

  @ApiProperty({ type: String, nullable: true, description: "The awardee's IFU" })
  awardeeIdentifier!: string | null;

  @ApiProperty({ example: '45000000', description: 'Integer XOF, as a string' })
  amount!: string;

  @ApiProperty({ format: 'date', example: '2025-03-15' })
  awardDate!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate!: string | null;

  @ApiProperty({ enum: CONTRACT_STATUSES })
  status!: ContractStatus;

  @ApiProperty({ type: String, nullable: true })
  fundingSource!: string | null;
}

export class ContractResponse extends ContractFieldsResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ enum: ['draft', 'published'] })
  state!: ContractState;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The import that created it, if any' })
  importId!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class ContractDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  category!: DocumentCategory;

  @ApiProperty({ enum: DOCUMENT_STATES })
  state!: DocumentState;
}

export class ContractWithDocumentsResponse extends ContractResponse {
  @ApiProperty({ type: [ContractDocumentResponse], description: 'Linked documents the caller may see' })
  documents!: ContractDocumentResponse[];
}

export class ContractPageResponse {
  @ApiProperty({ type: [ContractResponse] })
  items!: ContractResponse[];

  @ApiProperty({ description: 'Contracts matching the filters, all pages' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

export class ContractImportErrorResponse {
  @ApiProperty({ description: 'Line of the file (1-based, header counted); 0 for the whole file' })
  line!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The column as titled in the file' })
  column!: string | null;

  @ApiProperty({ description: 'In French, for the staff who fix the file' })
  message!: string;
}

export class ContractPreviewLineResponse extends ContractFieldsResponse {
  @ApiProperty()
  line!: number;
}

export class ContractImportPreviewResponse {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty({ format: 'uuid', description: 'The draft document keeping the uploaded file' })
  sourceDocumentId!: string;

  @ApiProperty({ description: 'Data lines read below the header' })
  totalLines!: number;

  @ApiProperty()
  validLines!: number;

  @ApiProperty({ type: [ContractImportErrorResponse] })
  errors!: ContractImportErrorResponse[];

  @ApiProperty({ type: [ContractPreviewLineResponse], description: 'The first 20 valid lines' })
  sample!: ContractPreviewLineResponse[];
}

export class ContractImportCommitResponse {
  @ApiProperty({ format: 'uuid' })
  importId!: string;

  @ApiProperty()
  created!: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  contractIds!: string[];
}

/** The package itself follows the official OCDS schema; it is not repeated here. */
export const OCDS_RELEASE_PACKAGE_SCHEMA = {
  type: 'object',
  description: 'An OCDS 1.1 release package: https://standard.open-contracting.org/1.1/en/schema/release_package/',
  additionalProperties: true,
  properties: {
    uri: { type: 'string', format: 'uri' },
    version: { type: 'string', example: '1.1' },
    publishedDate: { type: 'string', format: 'date-time' },
    publisher: { type: 'object', properties: { name: { type: 'string' }, uri: { type: 'string', format: 'uri' } } },
    releases: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;
