import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CommuneSlugParams } from '@communes/api-communes';

export class CommuneDebatesParams extends CommuneSlugParams {}

export class DebateParams extends CommuneDebatesParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class DebateCommentParams extends DebateParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'commentId must be a UUID' })
  commentId!: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DebateTopicDto {
  @ApiProperty({ example: 'Stationnement autour du marché Dantokpa' })
  @Transform(trimmed)
  @IsString()
  @Length(5, 200, { message: 'title must be 5 to 200 characters' })
  title!: string;

  @ApiProperty({ example: 'Les embouteillages aux abords du marché s’aggravent. Quelles solutions proposez-vous ?' })
  @Transform(trimmed)
  @IsString()
  @Length(10, 8000, { message: 'body must be 10 to 8000 characters' })
  body!: string;

  @ApiPropertyOptional({ description: 'Open the debate right away (default: keep as a draft)' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}

export class DebateCommentDto {
  @ApiProperty({ minLength: 2, maxLength: 2000, example: 'Il faudrait un parking relais à Akpakpa avec des navettes.' })
  @Transform(trimmed)
  @IsString()
  @Length(2, 2000, { message: 'body must be 2 to 2000 characters' })
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment this one replies to' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a comment id (UUID)' })
  parentId?: string;
}

export const REACTION_KINDS = ['agree', 'disagree'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export class ReactionDto {
  @ApiProperty({ enum: REACTION_KINDS })
  @IsIn(REACTION_KINDS, { message: 'kind must be agree or disagree' })
  kind!: ReactionKind;
}

export class ModerationDto {
  @ApiProperty({ example: 'Propos injurieux envers un habitant', description: 'Shown to the author of the comment' })
  @Transform(trimmed)
  @IsString()
  @Length(3, 500, { message: 'reason must say why, in 3 to 500 characters' })
  reason!: string;
}
