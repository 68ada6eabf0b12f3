import { Injectable } from '@nestjs/common';
import type { SearchKind, SearchRecord } from '@communes/shared-contracts';

export interface IndexedCommune {
  id: string;
  slug: string;
  name: string;
  department: string;
}

/**
 * A feature that puts records in the search index (documents, budget lines, contracts, ...).
 * Both methods run inside a transaction scoped to the commune with the `public` scope, so a
 * source can only ever return what the public may see: published content.
 */
export interface SearchRecordSource {
  readonly kind: SearchKind;
  /** The search records of these ids (`<kind>:<uuid>` ids); absent ones are no longer public. */
  load(commune: IndexedCommune, recordIds: readonly string[]): Promise<SearchRecord[]>;
  /** Every record id of the commune that the index should hold (for rebuild and verify). */
  allIds(commune: IndexedCommune): Promise<string[]>;
}

/** Where features register their source when their module starts. */
@Injectable()
export class SearchSources {
  private readonly sources = new Map<SearchKind, SearchRecordSource>();

  register(source: SearchRecordSource): void {
    if (this.sources.has(source.kind)) throw new Error(`A search source for "${source.kind}" is already registered.`);
    this.sources.set(source.kind, source);
  }

  forRecordId(recordId: string): SearchRecordSource | undefined {
    return this.sources.get(recordId.split(':')[0] as SearchKind);
  }

  all(): SearchRecordSource[] {
    return [...this.sources.values()];
  }
}
