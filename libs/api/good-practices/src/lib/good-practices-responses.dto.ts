import { ApiProperty } from '@nestjs/swagger';
import { GOOD_PRACTICE_REVIEW_ACTIONS, GOOD_PRACTICE_STATUSES, GOOD_PRACTICE_THEMES, type GoodPracticeReviewAction, type GoodPracticeStatus, type GoodPracticeTheme } from '@communes/shared-contracts';

export class GoodPracticeSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'cotonou' })
  communeSlug!: string;

  @ApiProperty({ example: 'Cotonou' })
  communeName!: string;

  @ApiProperty({ example: 'Littoral' })
  department!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ enum: GOOD_PRACTICE_THEMES })
  theme!: GoodPracticeTheme;

  @ApiProperty({ enum: GOOD_PRACTICE_STATUSES })
  status!: GoodPracticeStatus;

  @ApiProperty({ type: Date, nullable: true })
  submittedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Last publication in the national library' })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date })
  updatedAt!: Date;
}

export class GoodPracticeDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'rapport_de_reddition_de_comptes' })
  category!: string;

  @ApiProperty({ type: Number, nullable: true })
  fiscalYear!: number | null;

  @ApiProperty({ enum: ['draft', 'published', 'withdrawn'] })
  state!: 'draft' | 'published' | 'withdrawn';

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;
}

export class GoodPracticeReviewResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: GOOD_PRACTICE_REVIEW_ACTIONS, description: 'submitted: by the commune; the others: ANCB decisions' })
  action!: GoodPracticeReviewAction;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;
}

export class GoodPracticeResponse extends GoodPracticeSummaryResponse {
  @ApiProperty({ description: 'Plain text; paragraphs separated by a blank line' })
  body!: string;

  @ApiProperty()
  results!: string;

  @ApiProperty({ description: 'Role or service to contact' })
  contactRole!: string;

  @ApiProperty({ type: String, nullable: true })
  contactDetails!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  reviewedAt!: Date | null;

  @ApiProperty({ type: Date })
  createdAt!: Date;

  @ApiProperty({ type: [GoodPracticeDocumentResponse] })
  documents!: GoodPracticeDocumentResponse[];

  @ApiProperty({ type: [GoodPracticeReviewResponse], description: "Review history, oldest first: for the commune's staff and ANCB only (empty for others)" })
  reviews!: GoodPracticeReviewResponse[];
}

export class ThemeCountResponse {
  @ApiProperty({ enum: GOOD_PRACTICE_THEMES })
  theme!: GoodPracticeTheme;

  @ApiProperty()
  count!: number;
}

export class DepartmentCountResponse {
  @ApiProperty()
  department!: string;

  @ApiProperty()
  count!: number;
}

export class CommuneCountResponse {
  @ApiProperty({ example: 'cotonou' })
  slug!: string;

  @ApiProperty({ example: 'Cotonou' })
  name!: string;

  @ApiProperty()
  count!: number;
}

export class YearCountResponse {
  @ApiProperty()
  year!: number;

  @ApiProperty()
  count!: number;
}

export class GoodPracticeLibraryResponse {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ type: [GoodPracticeSummaryResponse] })
  items!: GoodPracticeSummaryResponse[];

  @ApiProperty({ type: [ThemeCountResponse], description: 'Practices per theme for the other filters (to show counts on theme chips)' })
  themes!: ThemeCountResponse[];

  @ApiProperty({ type: [DepartmentCountResponse] })
  departments!: DepartmentCountResponse[];

  @ApiProperty({ type: [CommuneCountResponse], description: 'Communes with published practices for the other filters' })
  communes!: CommuneCountResponse[];

  @ApiProperty({ type: [YearCountResponse] })
  years!: YearCountResponse[];
}
