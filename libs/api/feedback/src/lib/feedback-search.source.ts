import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { FeedbackRepository } from './feedback.repository';
import { feedbackSearchId } from './feedback.service';

const TITLE_LENGTH = 120;

/** Public feedback that the commune has answered, in the search index (question and answer). */
@Injectable()
export class FeedbackSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'feedback' as const;

  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('feedback:'.length));
    return (await this.feedback.searchable(commune.id, ids)).map((item) => ({
      id: feedbackSearchId(item.id),
      kind: 'feedback',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: item.text.length > TITLE_LENGTH ? `${item.text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : item.text,
      body: [item.text, item.place, item.answer].filter(Boolean).join('\n'),
      category: item.category,
      fiscalYear: item.createdAt.getUTCFullYear(),
      amount: null,
      date: item.createdAt.toISOString().slice(0, 10),
      // The public tracking page of the web app (libs/web/participation).
      url: `/suivi/${item.trackingNumber}?commune=${commune.slug}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.feedback.searchable(commune.id, null)).map((item) => feedbackSearchId(item.id));
  }
}
