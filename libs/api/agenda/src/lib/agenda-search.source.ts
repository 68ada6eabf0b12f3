import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { AgendaRepository } from './agenda.repository';
import { agendaSearchId } from './agenda.service';

/** Published agenda events in the search index. */
@Injectable()
export class AgendaSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'agenda_event' as const;

  constructor(
    private readonly agenda: AgendaRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('agenda_event:'.length));
    return (await this.agenda.searchable(commune.id, ids)).map((event) => ({
      id: agendaSearchId(event.id),
      kind: 'agenda_event',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: event.title,
      body: [event.description, event.location].filter(Boolean).join('\n'),
      category: null,
      fiscalYear: event.startsAt.getUTCFullYear(),
      amount: null,
      date: event.startsAt.toISOString().slice(0, 10),
      url: `/communes/${commune.slug}/agenda/${event.id}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.agenda.searchable(commune.id, null)).map((event) => agendaSearchId(event.id));
  }
}
