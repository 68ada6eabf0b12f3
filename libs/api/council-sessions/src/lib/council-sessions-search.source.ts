import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { CouncilSessionsRepository } from './council-sessions.repository';
import { sessionSearchId } from './council-sessions.service';

/** Council and accountability sessions once published, with their agenda and summary, in the search index. */
@Injectable()
export class CouncilSessionsSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'session' as const;

  constructor(
    private readonly sessions: CouncilSessionsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('session:'.length));
    return (await this.sessions.searchable(commune.id, ids)).map((session) => ({
      id: sessionSearchId(session.id),
      kind: 'session',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: session.title,
      body: [session.description, session.place, session.agendaText, session.summary, session.cancellationReason].filter(Boolean).join('\n'),
      category: session.kind,
      fiscalYear: session.startsAt.getUTCFullYear(),
      amount: null,
      date: session.startsAt.toISOString().slice(0, 10),
      url: `/communes/${commune.slug}/sessions/${session.id}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.sessions.searchable(commune.id, null)).map((session) => sessionSearchId(session.id));
  }
}
