import { ApiProperty } from '@nestjs/swagger';
import { CONSULTATION_PHASES, CONSULTATION_RESULTS_VISIBILITIES, type ConsultationPhase, type ConsultationResultsVisibility } from '@communes/shared-contracts';
import type { ConsultationResults, ConsultationView } from './consultations.service';

export class ConsultationOptionResponse {
  @ApiProperty({ example: 'o1' })
  id!: string;

  @ApiProperty()
  label!: string;
}

export class ConsultationQuestionResponse {
  @ApiProperty({ example: 'q1' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'Several options may be chosen' })
  multiple!: boolean;

  @ApiProperty({ type: [ConsultationOptionResponse] })
  options!: ConsultationOptionResponse[];
}

export class LinkedDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;
}

export class ConsultationResponse implements ConsultationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'Budget participatif 2026 : vos priorités' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: [ConsultationQuestionResponse] })
  questions!: ConsultationQuestionResponse[];

  @ApiProperty({ type: [String], format: 'uuid' })
  documentIds!: string[];

  @ApiProperty({ type: [LinkedDocumentResponse], description: 'Linked documents the caller can open (empty in lists)' })
  documents!: LinkedDocumentResponse[];

  @ApiProperty({ type: Date })
  opensAt!: Date;

  @ApiProperty({ type: Date })
  closesAt!: Date;

  @ApiProperty({ enum: CONSULTATION_RESULTS_VISIBILITIES })
  resultsVisibility!: ConsultationResultsVisibility;

  @ApiProperty({ enum: ['draft', 'published'] })
  state!: 'draft' | 'published';

  @ApiProperty({ enum: CONSULTATION_PHASES, description: 'draft (staff only), upcoming, open or closed, from the dates' })
  phase!: ConsultationPhase;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: Date })
  updatedAt!: Date;

  @ApiProperty({ description: 'The caller may see the results now' })
  resultsAvailable!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    nullable: true,
    description: "The caller's answers, question id → option ids (null if not answered; always null in lists)",
    example: { q1: ['o2'] },
  })
  myAnswers!: Record<string, string[]> | null;
}

export class OptionResultResponse {
  @ApiProperty({ example: 'o1' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  votes!: number;

  @ApiProperty({ description: 'Share of the participants who chose it, one decimal' })
  percent!: number;
}

export class QuestionResultResponse {
  @ApiProperty({ example: 'q1' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  multiple!: boolean;

  @ApiProperty({ type: [OptionResultResponse] })
  options!: OptionResultResponse[];
}

export class ConsultationResultsResponse implements ConsultationResults {
  @ApiProperty({ format: 'uuid' })
  consultationId!: string;

  @ApiProperty({ enum: CONSULTATION_PHASES })
  phase!: ConsultationPhase;

  @ApiProperty({ description: 'Accounts that answered' })
  participants!: number;

  @ApiProperty({ type: [QuestionResultResponse] })
  questions!: QuestionResultResponse[];
}
