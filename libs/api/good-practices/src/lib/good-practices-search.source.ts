import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { GoodPracticesRepository } from './good-practices.repository';
import { goodPracticeSearchId } from './good-practices.service';

/** Published good practices in the search index; unpublished ones leave it. */
@Injectable()
export class GoodPracticesSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'good_practice' as const;

  constructor(
    private readonly practices: GoodPracticesRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('good_practice:'.length));
    return (await this.practices.searchable(commune.id, ids)).map((practice) => {
      const date = practice.publishedAt ?? practice.updatedAt;
      return {
        id: goodPracticeSearchId(practice.id),
        kind: 'good_practice',
        communeId: commune.id,
        communeSlug: commune.slug,
        communeName: commune.name,
        department: commune.department,
        title: practice.title,
        body: [practice.summary, practice.body, practice.results].join('\n\n'),
        category: null,
        fiscalYear: date.getUTCFullYear(),
        amount: null,
        date: date.toISOString().slice(0, 10),
        url: `/bonnes-pratiques/${practice.id}`,
      };
    });
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.practices.searchable(commune.id, null)).map((practice) => goodPracticeSearchId(practice.id));
  }
}
