import { ApiProperty } from '@nestjs/swagger';
import { NEWS_STATES, type NewsState } from '@communes/shared-contracts';
import type { NewsCover, NewsRecord } from './news.repository';

export class NewsCoverResponse implements NewsCover {
  @ApiProperty({ description: 'Served through the API (versioned: a new image is a new URL)', example: '/api/v1/communes/cotonou/news/…/cover?v=…' })
  url!: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  mediaType!: string;

  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;

  @ApiProperty({ type: String, nullable: true, description: 'What the image shows' })
  alt!: string | null;
}

/** A news article of a commune. */
export class NewsResponse implements NewsRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'Lancement des travaux de pavage à Agla' })
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  summary!: string | null;

  @ApiProperty({ description: 'Plain text; blank lines separate paragraphs' })
  body!: string;

  @ApiProperty({ enum: NEWS_STATES, description: 'Drafts and withdrawn articles are seen by the commune staff only' })
  state!: NewsState;

  @ApiProperty({ type: Date, nullable: true, description: 'The date shown' })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  withdrawnAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawalReason!: string | null;

  @ApiProperty({ type: NewsCoverResponse, nullable: true })
  cover!: NewsCoverResponse | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: Date })
  updatedAt!: Date;
}

export class NewsPageResponse {
  @ApiProperty({ type: [NewsResponse] })
  items!: NewsResponse[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
