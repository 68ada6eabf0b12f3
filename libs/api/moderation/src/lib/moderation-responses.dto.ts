import { ApiProperty } from '@nestjs/swagger';
import { MODERATED_CONTENT_KINDS, REPORT_REASONS, type ModeratedContentKind, type ReportReason } from '@communes/shared-contracts';
import type { ModerationItem, ReportReceipt } from './moderation.service';

export class ReportReceiptResponse implements ReportReceipt {
  @ApiProperty({ enum: MODERATED_CONTENT_KINDS })
  contentKind!: ModeratedContentKind;

  @ApiProperty({ format: 'uuid' })
  contentId!: string;

  @ApiProperty({ enum: REPORT_REASONS })
  reason!: ReportReason;

  @ApiProperty({ description: 'True when this account had already reported it (200, nothing new recorded)' })
  alreadyReported!: boolean;
}

export class ModerationItemResponse implements ModerationItem {
  @ApiProperty({ enum: MODERATED_CONTENT_KINDS })
  kind!: ModeratedContentKind;

  @ApiProperty({ format: 'uuid' })
  contentId!: string;

  @ApiProperty({ description: 'False when the content was deleted since it was reported' })
  exists!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The first 200 characters' })
  excerpt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Path of the content in the web app' })
  link!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  createdAt!: Date | null;

  @ApiProperty()
  hidden!: boolean;

  @ApiProperty({ type: String, nullable: true })
  hiddenReason!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  hiddenAt!: Date | null;

  @ApiProperty()
  reportCount!: number;

  @ApiProperty()
  openReportCount!: number;

  @ApiProperty({ enum: REPORT_REASONS, isArray: true })
  reasons!: ReportReason[];

  @ApiProperty({ type: [String], description: 'The latest details written by reporters (at most 5); who reported is never shown' })
  details!: string[];

  @ApiProperty({ type: Date, nullable: true })
  firstReportedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  lastReportedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When reports were last handled' })
  handledAt!: Date | null;
}

export class ModerationQueueResponse {
  @ApiProperty({ type: [ModerationItemResponse] })
  items!: ModerationItemResponse[];

  @ApiProperty({ description: 'How many match, over all pages (the hidden view counts up to 1000 of each kind)' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
