import { ApiProperty } from '@nestjs/swagger';
import type { DebateCommentRecord, DebateTopicRecord, DebateTopicState } from './debates.repository';

export class DebateTopicResponse implements DebateTopicRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'Stationnement autour du marché Dantokpa' })
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: ['draft', 'open', 'closed'], description: 'Drafts are seen by the commune staff only; closed debates stay readable' })
  state!: DebateTopicState;

  @ApiProperty({ type: Date, nullable: true })
  openedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  closedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ description: 'Visible (not hidden) comments' })
  commentCount!: number;
}

export class DebateCommentResponse implements DebateCommentRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ format: 'uuid' })
  topicId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The comment this one replies to' })
  parentId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null when hidden by moderation (except for its author and the staff)' })
  body!: string | null;

  @ApiProperty({ description: "The commune's official answer (written by an editor or admin)" })
  isOfficial!: boolean;

  @ApiProperty({ description: 'Hidden by a moderator: shown as hidden' })
  hidden!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden: for its author and the staff' })
  hiddenReason!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  hiddenAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty()
  agreeCount!: number;

  @ApiProperty()
  disagreeCount!: number;

  @ApiProperty({ enum: ['agree', 'disagree'], nullable: true, type: String })
  myReaction!: 'agree' | 'disagree' | null;
}
