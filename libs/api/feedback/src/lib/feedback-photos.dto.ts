import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FEEDBACK_PHOTO_MEDIA_TYPES } from '@communes/shared-contracts';
import { FeedbackParams } from './feedback.dto';

export class FeedbackPhotoParams extends FeedbackParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'photoId must be a UUID' })
  photoId!: string;
}

export class FeedbackPhotoQuery {
  @ApiPropertyOptional({ enum: ['full', 'small'], default: 'full', description: 'small: the 320 px JPEG thumbnail for lists' })
  @IsOptional()
  @IsIn(['full', 'small'], { message: 'size must be full or small' })
  size?: 'full' | 'small';
}

export class AddFeedbackPhotoQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "The citizen shares the place: a feedback without a position takes the photo's GPS position. Otherwise the position is dropped with the rest of the metadata.",
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'sharePlace must be true or false' })
  sharePlace?: 'true' | 'false';
}

/** A photo as listed with its feedback. */
export class FeedbackPhotoSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Where the image is served (through the API, with the feedback’s access rules)', example: '/api/v1/communes/cotonou/feedback/0d7…/photos/5b1…' })
  url!: string;

  @ApiProperty({ description: 'A small copy (320 px JPEG) for lists', example: '/api/v1/communes/cotonou/feedback/0d7…/photos/5b1…?size=small' })
  thumbnailUrl!: string;

  @ApiProperty({ enum: FEEDBACK_PHOTO_MEDIA_TYPES })
  mediaType!: string;

  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;
}

export class FeedbackPhotoResponse extends FeedbackPhotoSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  feedbackId!: string;

  @ApiProperty({ description: '1 to 4, in the order added' })
  position!: number;

  @ApiProperty({ description: 'Bytes stored (after re-encoding without metadata)' })
  sizeBytes!: number;

  @ApiProperty({ description: "The feedback's position was filled from this photo's GPS (sharePlace=true, and the feedback had none)" })
  placeFilled!: boolean;
}
