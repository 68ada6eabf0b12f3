import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { DOCUMENT_CATEGORIES, DocumentCategory } from '@communes/shared-contracts';
import { CommuneSlugParams } from '@communes/api-communes';

/** `:slug` of the commune, checked like everywhere else. */
export class CommuneDocumentsParams extends CommuneSlugParams {}

export class DocumentParams extends CommuneDocumentsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class DocumentVersionParams extends DocumentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;
}

export class ListDocumentsQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES })
  @IsOptional()
  @IsIn(DOCUMENT_CATEGORIES, { message: `category must be one of: ${DOCUMENT_CATEGORIES.join(', ')}` })
  category?: DocumentCategory;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'fiscalYear must be a year such as 2024' })
  @Min(1990)
  @Max(2100)
  fiscalYear?: number;
}

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_CATEGORIES })
  @IsIn(DOCUMENT_CATEGORIES, { message: `category must be one of: ${DOCUMENT_CATEGORIES.join(', ')}` })
  category!: DocumentCategory;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @IsInt({ message: 'fiscalYear must be a year such as 2024' })
  @Min(1990)
  @Max(2100)
  fiscalYear?: number;

  @ApiProperty({ example: 'Budget primitif 2025' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

export class WithdrawDocumentDto {
  @ApiProperty({ example: 'Document remplacé par la version corrigée adoptée le 12 mars' })
  @IsString()
  @Length(3, 1000, { message: 'reason must say, in 3 to 1000 characters, why the document is withdrawn' })
  reason!: string;
}
