import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';
import {
  COUNCIL_SESSION_KINDS,
  COUNCIL_SESSION_TYPES,
  SESSION_AGENDA_ITEMS_MAX,
  SESSION_ANSWER_MAX,
  SESSION_DESCRIPTION_MAX,
  SESSION_HIDE_REASON_MAX,
  SESSION_HIDE_REASON_MIN,
  SESSION_PLACE_MAX,
  SESSION_QUESTION_MAX,
  SESSION_QUESTION_MIN,
  SESSION_SUMMARY_MAX,
  SESSION_TITLE_MAX,
  type CouncilSessionKind,
  type CouncilSessionType,
} from '@communes/shared-contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CommuneSessionsParams extends CommuneSlugParams {}

export class SessionParams extends CommuneSessionsParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class QuestionParams extends SessionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'questionId must be a UUID' })
  questionId!: string;
}

export class SessionDocumentParams extends SessionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId!: string;
}

export class SessionListQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], default: 'upcoming', description: 'upcoming: live and to come, soonest first; past: held or cancelled, latest first' })
  @IsOptional()
  @IsIn(['upcoming', 'past'], { message: 'period must be upcoming or past' })
  period?: 'upcoming' | 'past';

  @ApiPropertyOptional({ enum: COUNCIL_SESSION_KINDS })
  @IsOptional()
  @IsIn(COUNCIL_SESSION_KINDS, { message: `kind must be one of: ${COUNCIL_SESSION_KINDS.join(', ')}` })
  kind?: CouncilSessionKind;
}

export class SessionReadQuery {
  @ApiPropertyOptional({
    description: 'Polling fallback: also return the live events after this event id (the `lastEventId` of the previous answer)',
    example: '0',
  })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'since must be an event id (a whole number)' })
  since?: string;
}

export class SessionEventsQuery {
  @ApiPropertyOptional({ description: 'Resume after this event id (same as the Last-Event-ID header, which wins when both are sent)', example: '0' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'since must be an event id (a whole number)' })
  since?: string;
}

export class AgendaItemDto {
  @ApiProperty({ example: 'Examen et vote du budget primitif 2026' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 300, { message: 'agenda item title must be 1 to 300 characters' })
  title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Published documents of the commune for this item' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'documentIds must be document ids (UUID)' })
  documentIds?: string[];
}

export class SessionDto {
  @ApiPropertyOptional({ enum: COUNCIL_SESSION_TYPES, description: 'Council sessions only (required for them): ordinary or extraordinary' })
  @IsOptional()
  @IsIn(COUNCIL_SESSION_TYPES, { message: `sessionType must be one of: ${COUNCIL_SESSION_TYPES.join(', ')}` })
  sessionType?: CouncilSessionType;

  @ApiProperty({ maxLength: SESSION_TITLE_MAX, example: 'Première session ordinaire 2026 du conseil communal' })
  @Transform(trimmed)
  @IsString()
  @Length(1, SESSION_TITLE_MAX, { message: `title must be 1 to ${SESSION_TITLE_MAX} characters` })
  title!: string;

  @ApiPropertyOptional({ maxLength: SESSION_DESCRIPTION_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(SESSION_DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ maxLength: SESSION_PLACE_MAX, example: 'Hôtel de ville, salle des délibérations' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, SESSION_PLACE_MAX, { message: `place must be 1 to ${SESSION_PLACE_MAX} characters` })
  place?: string;

  @ApiProperty({ example: '2026-03-12T09:00:00+01:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date-time such as 2026-03-12T09:00:00+01:00' })
  startsAt!: string;

  @ApiPropertyOptional({ example: '2026-03-12T13:00:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date-time such as 2026-03-12T13:00:00+01:00' })
  endsAt?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Live stream: a YouTube or Facebook video link, or an https HLS playlist (.m3u8); normalised, with its embed URL in the answer',
    example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(500)
  streamUrl?: string | null;

  @ApiPropertyOptional({ type: [AgendaItemDto], maxItems: SESSION_AGENDA_ITEMS_MAX, description: 'The whole agenda, in order (replaces the previous one)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SESSION_AGENDA_ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
}

export class CreateSessionDto extends SessionDto {
  @ApiPropertyOptional({ enum: COUNCIL_SESSION_KINDS, default: 'council', description: 'council: a session of the municipal council; accountability: a reddition de comptes' })
  @IsOptional()
  @IsIn(COUNCIL_SESSION_KINDS, { message: `kind must be one of: ${COUNCIL_SESSION_KINDS.join(', ')}` })
  kind?: CouncilSessionKind;

  @ApiPropertyOptional({ description: 'Publish (schedule) right away; default: keep as a draft' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class ChangeSessionStatusDto {
  @ApiProperty({ enum: ['live', 'ended', 'cancelled'], description: 'scheduled → live → ended; scheduled or live → cancelled (with a reason)' })
  @IsIn(['live', 'ended', 'cancelled'], { message: 'status must be one of: live, ended, cancelled' })
  status!: 'live' | 'ended' | 'cancelled';

  @ApiPropertyOptional({ example: 'Reportée faute de quorum', description: 'Required to cancel' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(3, 1000, { message: 'reason must say, in 3 to 1000 characters, why the session is cancelled' })
  reason?: string;
}

export class LinkSessionDocumentDto {
  @ApiProperty({ enum: ['minutes', 'deliberation', 'media'], description: 'minutes: the procès-verbal; deliberation: a deliberation adopted; media: a photo or video' })
  @IsIn(['minutes', 'deliberation', 'media'], { message: 'role must be one of: minutes, deliberation, media' })
  role!: 'minutes' | 'deliberation' | 'media';

  @ApiProperty({ format: 'uuid', description: 'A published document of the commune' })
  @IsUUID('all', { message: 'documentId must be a document id (UUID)' })
  documentId!: string;
}

export class UnlinkSessionDocumentQuery {
  @ApiProperty({ enum: ['minutes', 'deliberation', 'media'] })
  @IsIn(['minutes', 'deliberation', 'media'], { message: 'role must be one of: minutes, deliberation, media' })
  role!: 'minutes' | 'deliberation' | 'media';
}

export class SessionSummaryDto {
  @ApiProperty({ type: String, nullable: true, maxLength: SESSION_SUMMARY_MAX, description: 'What was said and decided; null removes it' })
  @Transform(trimmed)
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @Length(1, SESSION_SUMMARY_MAX, { message: `summary must be 1 to ${SESSION_SUMMARY_MAX} characters (or null)` })
  summary!: string | null;
}

export class AskQuestionDto {
  @ApiProperty({ minLength: SESSION_QUESTION_MIN, maxLength: SESSION_QUESTION_MAX, example: 'Quand les travaux de pavage de la rue du marché de Vossa reprendront-ils ?' })
  @Transform(trimmed)
  @IsString()
  @Length(SESSION_QUESTION_MIN, SESSION_QUESTION_MAX, { message: `text must be ${SESSION_QUESTION_MIN} to ${SESSION_QUESTION_MAX} characters` })
  text!: string;
}

export class AnswerQuestionDto {
  @ApiPropertyOptional({ maxLength: SESSION_ANSWER_MAX, description: 'A short written answer; without it the question is only marked answered (answered aloud during the session)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, SESSION_ANSWER_MAX, { message: `answer must be 1 to ${SESSION_ANSWER_MAX} characters` })
  answer?: string;
}

export class HideQuestionDto {
  @ApiProperty({ minLength: SESSION_HIDE_REASON_MIN, maxLength: SESSION_HIDE_REASON_MAX, example: 'Propos injurieux envers un conseiller' })
  @Transform(trimmed)
  @IsString()
  @Length(SESSION_HIDE_REASON_MIN, SESSION_HIDE_REASON_MAX, { message: `reason must say, in ${SESSION_HIDE_REASON_MIN} to ${SESSION_HIDE_REASON_MAX} characters, why the question is hidden (its author is told)` })
  reason!: string;
}
