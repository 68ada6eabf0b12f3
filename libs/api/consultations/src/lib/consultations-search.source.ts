import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { ConsultationsRepository } from './consultations.repository';
import { consultationSearchId } from './consultations.service';

/** Published consultations in the search index: title, description, questions and options. */
@Injectable()
export class ConsultationsSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'consultation' as const;

  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('consultation:'.length));
    return (await this.consultations.searchable(commune.id, ids)).map((item) => ({
      id: consultationSearchId(item.id),
      kind: 'consultation',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: item.title,
      body: [item.description, ...item.questions.flatMap((q) => [q.text, ...q.options.map((o) => o.label)])].filter(Boolean).join('\n'),
      category: null,
      fiscalYear: item.opensAt.getUTCFullYear(),
      amount: null,
      date: item.opensAt.toISOString().slice(0, 10),
      url: `/communes/${commune.slug}/consultations/${item.id}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.consultations.searchable(commune.id, null)).map((item) => consultationSearchId(item.id));
  }
}
