import { ApiProperty } from '@nestjs/swagger';
import {
  COUNCIL_SESSION_DOCUMENT_ROLES,
  COUNCIL_SESSION_KINDS,
  COUNCIL_SESSION_STATUSES,
  COUNCIL_SESSION_TYPES,
  STREAM_KINDS,
  type CouncilSessionDocumentRole,
  type CouncilSessionKind,
  type CouncilSessionStatus,
  type CouncilSessionType,
  type StreamKind,
} from '@communes/shared-contracts';
import type { SessionDocumentRecord, SessionEventType } from './council-sessions.repository';
import type { CommuneSessionsSummaryView, SessionAgendaItemView, SessionDetailView, SessionEventView, SessionQuestionView, SessionSummaryView } from './council-sessions.service';

/** A council or accountability session in a list (for the OpenAPI document; the web client is generated from it). */
export class CouncilSessionResponse implements SessionSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ enum: COUNCIL_SESSION_KINDS })
  kind!: CouncilSessionKind;

  @ApiProperty({ enum: COUNCIL_SESSION_TYPES, nullable: true, description: 'Council sessions only' })
  sessionType!: CouncilSessionType | null;

  @ApiProperty({ example: 'Première session ordinaire 2026 du conseil communal' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Hôtel de ville, salle des délibérations' })
  place!: string | null;

  @ApiProperty({ type: Date })
  startsAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  endsAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'The stream link, normalised (open in a new tab)' })
  streamUrl!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What to embed: a YouTube (nocookie) or Facebook player URL, or the HLS playlist' })
  streamEmbedUrl!: string | null;

  @ApiProperty({ enum: STREAM_KINDS, nullable: true })
  streamKind!: StreamKind | null;

  @ApiProperty({ enum: COUNCIL_SESSION_STATUSES, description: 'draft (staff only) → scheduled → live → ended, or cancelled with its reason' })
  status!: CouncilSessionStatus;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  liveAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  endedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  cancelledAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  cancellationReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Written afterwards: what was said and decided' })
  summary!: string | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: Date })
  updatedAt!: Date;

  @ApiProperty({ description: 'Visible questions' })
  questionCount!: number;
}

export class SessionDocumentResponse implements SessionDocumentRecord {
  @ApiProperty({ format: 'uuid', description: 'Download it through the documents endpoints' })
  documentId!: string;

  @ApiProperty({ enum: COUNCIL_SESSION_DOCUMENT_ROLES })
  role!: CouncilSessionDocumentRole;

  @ApiProperty({ type: Number, nullable: true, description: 'The agenda item it belongs to (role agenda)' })
  agendaPosition!: number | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'proces_verbal_session' })
  category!: string;

  @ApiProperty({ enum: ['draft', 'published', 'withdrawn'], description: 'A withdrawn document stays listed with its public trace' })
  state!: 'draft' | 'published' | 'withdrawn';

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;
}

export class SessionAgendaItemResponse implements SessionAgendaItemView {
  @ApiProperty({ description: 'From 1, in order' })
  position!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: [SessionDocumentResponse] })
  documents!: SessionDocumentResponse[];
}

export class SessionQuestionResponse implements SessionQuestionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: String, nullable: true, description: 'A short written answer, when given' })
  answer!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  answeredAt!: Date | null;

  @ApiProperty({ description: 'Marked answered by the commune (aloud or in writing)' })
  answered!: boolean;

  @ApiProperty({ description: 'Hidden by moderation: only the commune staff and the author see it' })
  hidden!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden (staff and the author only)' })
  hiddenReason!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  hiddenAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Staff only (null for others)' })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Staff only (null for others)' })
  authorName!: string | null;

  @ApiProperty({ description: 'The caller asked it' })
  isMine!: boolean;
}

export class SessionEventResponse implements SessionEventView {
  @ApiProperty({ example: '42', description: 'Grows in commit order within a session' })
  id!: string;

  @ApiProperty({ enum: ['status', 'question', 'answer', 'hidden', 'updated'], description: 'status: {status, cancellationReason}; question: {question}; answer: {questionId, answer, answeredAt}; hidden: {questionId}; updated: reload the session' })
  type!: SessionEventType;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty({ type: Date })
  createdAt!: Date;
}

export class CouncilSessionDetailResponse extends CouncilSessionResponse implements SessionDetailView {
  @ApiProperty({ type: [SessionAgendaItemResponse] })
  agenda!: SessionAgendaItemResponse[];

  @ApiProperty({ type: [SessionDocumentResponse], description: 'Minutes, deliberations, photos and videos' })
  documents!: SessionDocumentResponse[];

  @ApiProperty({ type: [SessionQuestionResponse], description: 'Oldest first (at most 1000): visible ones, plus hidden ones to staff and their author' })
  questions!: SessionQuestionResponse[];

  @ApiProperty({ example: '42', description: 'Pass it as `since` (polling) or Last-Event-ID (stream) to get only what follows' })
  lastEventId!: string;

  @ApiProperty({ type: [SessionEventResponse], nullable: true, description: 'Only with `since`: the events after it, oldest first (at most 500; then poll again from lastEventId)' })
  events!: SessionEventResponse[] | null;
}

export class CommuneSessionsSummaryResponse implements CommuneSessionsSummaryView {
  @ApiProperty({ enum: COUNCIL_SESSION_KINDS })
  kind!: CouncilSessionKind;

  @ApiProperty({ type: Date, nullable: true, description: 'When the last session of this kind that took place ended' })
  lastHeldAt!: Date | null;

  @ApiProperty({ description: 'Sessions of this kind held in the last twelve months' })
  heldLast12Months!: number;

  @ApiProperty({ type: Date, nullable: true, description: 'The next scheduled (or live) one' })
  nextStartsAt!: Date | null;
}
