import { Injectable, OnModuleInit } from '@nestjs/common';
import { DOCUMENT_CATEGORY_LABELS_FR, SearchRecord } from '@communes/shared-contracts';
import { IndexedCommune, SearchRecordSource, SearchSources } from '@communes/api-search';
import { DocumentsRepository } from './documents.repository';
import { documentSearchId } from './documents.service';

/** Longest text kept per document in the index: enough for any budget document's wording. */
const MAX_BODY_CHARS = 100_000;

/** Published documents in the search index, with the text extracted from their latest version. */
@Injectable()
export class DocumentSearchSource implements SearchRecordSource, OnModuleInit {
  readonly kind = 'document' as const;

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]> {
    const ids = recordIds.map((id) => id.slice('document:'.length));
    const rows = await this.documents.searchable(commune.id, ids);
    return rows.map((row) => ({
      id: documentSearchId(row.id),
      kind: 'document',
      communeId: commune.id,
      communeSlug: commune.slug,
      communeName: commune.name,
      department: commune.department,
      title: row.title,
      body: [DOCUMENT_CATEGORY_LABELS_FR[row.category], row.description, row.text].filter(Boolean).join('\n').slice(0, MAX_BODY_CHARS),
      category: row.category,
      fiscalYear: row.fiscalYear,
      amount: null,
      date: row.publishedAt.toISOString().slice(0, 10),
      url: `/communes/${commune.slug}/documents/${row.id}`,
    }));
  }

  async allIds(commune: IndexedCommune): Promise<string[]> {
    return (await this.documents.publishedIds(commune.id)).map(documentSearchId);
  }
}
