import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CATEGORIES, DOCUMENT_STATES } from '@communes/shared-contracts';
import type { DocumentCategory, DocumentState } from '@communes/shared-contracts';
import type { DocumentRecord, DocumentVersionRecord } from '../documents.repository';
import type { DocumentWithVersions } from '../documents.service';

/**
 * Response shapes, for the OpenAPI document (the web client is generated from it). They describe
 * the records the service returns; schema names are global to the document.
 */
export class DocumentResponse implements DocumentRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  category!: DocumentCategory;

  @ApiProperty({ type: 'integer', nullable: true, example: 2025 })
  fiscalYear!: number | null;

  @ApiProperty({ example: 'Budget primitif 2025' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ enum: DOCUMENT_STATES, description: 'draft → published → withdrawn; drafts are seen by the commune staff only' })
  state!: DocumentState;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  withdrawnAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Public, once withdrawn' })
  withdrawalReason!: string | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: Date })
  updatedAt!: Date;
}

export class DocumentVersionResponse implements DocumentVersionRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ type: 'integer', example: 1, description: '1, 2, … in upload order' })
  versionNumber!: number;

  @ApiProperty({ description: "The file's key in the document storage (under the commune's id)" })
  objectKey!: string;

  @ApiProperty({ example: 'budget-primitif-2025.pdf', description: 'The uploaded name, cleaned, with the real extension' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf', description: 'Detected from the bytes' })
  mediaType!: string;

  @ApiProperty({ example: '482133', description: 'Size in bytes, an integer as a string' })
  sizeBytes!: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the bytes, hex' })
  sha256!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Pages of a PDF, once its text is extracted' })
  pageCount!: number | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Null until the document is published with this version' })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;
}

export class DocumentWithVersionsResponse extends DocumentResponse implements DocumentWithVersions {
  @ApiProperty({ type: [DocumentVersionResponse], description: 'Newest first' })
  versions!: DocumentVersionResponse[];
}
