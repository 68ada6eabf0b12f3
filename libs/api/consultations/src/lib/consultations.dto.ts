import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import { CONSULTATION_RESULTS_VISIBILITIES, type ConsultationResultsVisibility } from '@communes/shared-contracts';

export class CommuneConsultationsParams extends CommuneSlugParams {}

export class ConsultationParams extends CommuneConsultationsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ConsultationOptionInput {
  @ApiProperty({ example: 'Réhabiliter le marché de Gbégamey' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200, { message: 'each option label must be 1 to 200 characters' })
  label!: string;
}

export class ConsultationQuestionInput {
  @ApiProperty({ example: 'Quel projet financer en priorité en 2026 ?' })
  @Transform(trimmed)
  @IsString()
  @Length(3, 300, { message: 'each question must be 3 to 300 characters' })
  text!: string;

  @ApiPropertyOptional({ description: 'Several options may be chosen (default: one)' })
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;

  @ApiProperty({ type: [ConsultationOptionInput], minItems: 2, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(2, { message: 'each question needs 2 to 10 options' })
  @ArrayMaxSize(10, { message: 'each question needs 2 to 10 options' })
  @ValidateNested({ each: true })
  @Type(() => ConsultationOptionInput)
  options!: ConsultationOptionInput[];
}

export class ConsultationDto {
  @ApiProperty({ example: 'Budget participatif 2026 : vos priorités' })
  @Transform(trimmed)
  @IsString()
  @Length(5, 200, { message: 'title must be 5 to 200 characters' })
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ type: [ConsultationQuestionInput], minItems: 1, maxItems: 10, description: 'One question, or a short survey' })
  @IsArray()
  @ArrayMinSize(1, { message: 'a consultation has 1 to 10 questions' })
  @ArrayMaxSize(10, { message: 'a consultation has 1 to 10 questions' })
  @ValidateNested({ each: true })
  @Type(() => ConsultationQuestionInput)
  questions!: ConsultationQuestionInput[];

  @ApiProperty({ example: '2026-03-01T08:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'opensAt must be a date-time such as 2026-03-01T08:00:00+01:00' })
  opensAt!: string;

  @ApiProperty({ example: '2026-03-31T18:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be a date-time such as 2026-03-31T18:00:00+01:00' })
  closesAt!: string;

  @ApiPropertyOptional({ enum: CONSULTATION_RESULTS_VISIBILITIES, description: 'live: results shown as answers come in; after_close (default): once closed' })
  @IsOptional()
  @IsIn(CONSULTATION_RESULTS_VISIBILITIES, { message: 'resultsVisibility must be live or after_close' })
  resultsVisibility?: ConsultationResultsVisibility;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 10, description: 'Documents of the commune to read before answering (published by the time the consultation is)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'documentIds must be document ids (UUIDs)' })
  documentIds?: string[];
}

export class AnswerInput {
  @ApiProperty({ example: 'q1' })
  @Matches(/^q[0-9]{1,2}$/, { message: 'questionId must be a question id such as q1' })
  questionId!: string;

  @ApiProperty({ type: [String], example: ['o2'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one option' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'an option is chosen once' })
  @Matches(/^o[0-9]{1,2}$/, { each: true, message: 'optionIds must be option ids such as o1' })
  optionIds!: string[];
}

export class RespondDto {
  @ApiProperty({ type: [AnswerInput], description: 'One answer per question' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers!: AnswerInput[];
}

export class ResultsCsvQuery {
  @ApiPropertyOptional({ enum: ['1'], description: '1: start with a byte order mark, for Excel' })
  @IsOptional()
  @IsIn(['1'], { message: 'excel must be 1 when given' })
  excel?: '1';
}
