import { ApiProperty } from '@nestjs/swagger';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  FEEDBACK_VISIBILITIES,
  type FeedbackCategory,
  type FeedbackKind,
  type FeedbackStatus,
  type FeedbackVisibility,
} from '@communes/shared-contracts';
import type { FeedbackView } from './feedback.service';
import { FeedbackPhotoSummaryResponse } from './feedback-photos.dto';

/** A doléance or suggestion as the caller may see it (author and assignee: staff only). */
export class FeedbackResponse implements FeedbackView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'COT-2026-000123', description: 'Unique in the commune; quote it to follow the feedback' })
  trackingNumber!: string;

  @ApiProperty({ enum: FEEDBACK_KINDS })
  kind!: FeedbackKind;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  category!: FeedbackCategory;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: String, nullable: true })
  place!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude!: number | null;

  @ApiProperty({ enum: FEEDBACK_VISIBILITIES })
  visibility!: FeedbackVisibility;

  @ApiProperty({ enum: FEEDBACK_STATUSES })
  status!: FeedbackStatus;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Staff only (null for others)' })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Staff only (null for others)' })
  authorName!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Staff only (null for others)' })
  assigneeId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Staff only (null for others)' })
  assigneeName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The commune's public answer" })
  answer!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  answeredAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'First response of the commune (status change or answer): response time' })
  firstResponseAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was resolved or declined: resolution time' })
  closedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: Date })
  updatedAt!: Date;

  @ApiProperty({ description: 'How many accounts support it' })
  supportCount!: number;

  @ApiProperty()
  supportedByMe!: boolean;

  @ApiProperty({ description: 'The caller sent it' })
  isMine!: boolean;

  @ApiProperty({ description: 'Hidden by moderation: others see it as hidden, without its text, place, answer or photos' })
  hidden!: boolean;

  @ApiProperty({ type: Date, nullable: true })
  hiddenAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden: its author and the staff only' })
  hiddenReason!: string | null;

  @ApiProperty({ type: [FeedbackPhotoSummaryResponse], description: 'Photos, in the order added (stored without metadata)' })
  photos!: FeedbackPhotoSummaryResponse[];
}

export class FeedbackPageResponse {
  @ApiProperty({ type: [FeedbackResponse] })
  items!: FeedbackResponse[];

  @ApiProperty({ description: 'How many match the filters, over all pages' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
