import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { DebatesRepository } from './debates.repository';
import { debateSearchId } from './debates.service';

/** Open and closed debates in the search index (the topic, not the comments). */
@Injectable()
export class DebatesSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'debate' as const;

  constructor(
    private readonly debates: DebatesRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('debate:'.length));
    return (await this.debates.searchable(commune.id, ids)).map((topic) => {
      const date = topic.openedAt ?? topic.createdAt;
      return {
        id: debateSearchId(topic.id),
        kind: 'debate',
        communeId: commune.id,
        communeSlug: commune.slug,
        communeName: commune.name,
        department: commune.department,
        title: topic.title,
        body: topic.body,
        category: null,
        fiscalYear: date.getUTCFullYear(),
        amount: null,
        date: date.toISOString().slice(0, 10),
        url: `/communes/${commune.slug}/debates/${topic.id}`,
      };
    });
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.debates.searchable(commune.id, null)).map((topic) => debateSearchId(topic.id));
  }
}
