import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { NewsRepository } from './news.repository';
import { newsSearchId } from './news.service';

/** Published news in the search index; withdrawn articles leave it. */
@Injectable()
export class NewsSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'news' as const;

  constructor(
    private readonly news: NewsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('news:'.length));
    return (await this.news.searchable(commune.id, ids)).map((article) => {
      const date = article.publishedAt ?? article.createdAt;
      return {
        id: newsSearchId(article.id),
        kind: 'news',
        communeId: commune.id,
        communeSlug: commune.slug,
        communeName: commune.name,
        department: commune.department,
        title: article.title,
        body: [article.summary, article.body].filter(Boolean).join('\n\n'),
        category: null,
        fiscalYear: date.getUTCFullYear(),
        amount: null,
        date: date.toISOString().slice(0, 10),
        url: `/communes/${commune.slug}/actualites/${article.id}`,
      };
    });
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.news.searchable(commune.id, null)).map((article) => newsSearchId(article.id));
  }
}
