import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SearchRecord } from '@communes/shared-contracts';
import { AppConfig, PublicContentChanges } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { SearchEngine } from './search-engine';
import { IndexedCommune, SearchSources } from './search-record-source';
import { searchRecordHash } from './search-validation';

interface OutboxRow {
  communeId: string;
  id: string;
  recordId: string;
}

export interface IndexDifference {
  /** In the database, not in the index. */
  missing: string[];
  /** In the index, no longer public in the database. */
  extra: string[];
  /** In both, with different content. */
  stale: string[];
}

/**
 * Drains the search outbox into the engine: for each record id written by a feature in the
 * same transaction as its change, load what the public may now see and upsert it, or remove it
 * from the index. Idempotent, so a retry (or two replicas) is harmless; a row is marked done
 * only after the engine has accepted the change.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly engine: SearchEngine,
    private readonly sources: SearchSources,
    private readonly config: AppConfig,
    private readonly changes: PublicContentChanges,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.BACKGROUND_JOBS_INTERVAL_MS;
    if (interval > 0) {
      this.timer = setInterval(() => void this.drain().catch((error: unknown) => this.logger.error(String(error))), interval);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Processes pending outbox rows until none are left (or `maxBatches`); returns how many. */
  drain(maxBatches = 50): Promise<number> {
    this.running ??= this.drainBatches(maxBatches)
      .then((processed) => {
        // Search results (and pages showing them) changed after the writes were answered.
        if (processed > 0) this.changes.notify();
        return processed;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Empties the index and fills it again from the database. */
  async rebuild(): Promise<number> {
    const pendingBefore = await this.pendingOutboxIds();
    await this.engine.removeAll();
    let indexed = 0;
    for (const commune of await this.communes()) {
      const records = await this.expectedRecords(commune);
      await this.engine.upsert(records);
      indexed += records.length;
    }
    // Changes already pending are covered by the rebuild.
    await this.markProcessed(pendingBefore);
    this.changes.notify();
    return indexed;
  }

  /** Compares the index with what the database says it should hold. */
  async verify(): Promise<IndexDifference> {
    const expected = new Map<string, string>();
    for (const commune of await this.communes()) {
      for (const record of await this.expectedRecords(commune)) expected.set(record.id, searchRecordHash(record));
    }
    const difference: IndexDifference = { missing: [], extra: [], stale: [] };
    const seen = new Set<string>();
    for await (const { id, hash } of this.engine.fingerprints()) {
      seen.add(id);
      const wanted = expected.get(id);
      if (wanted === undefined) difference.extra.push(id);
      else if (wanted !== hash) difference.stale.push(id);
    }
    for (const id of expected.keys()) if (!seen.has(id)) difference.missing.push(id);
    return difference;
  }

  private async drainBatches(maxBatches: number): Promise<number> {
    let processed = 0;
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const rows = await this.tx.run({ communeId: null, userId: null, scope: 'indexer' }, () =>
        this.tx.query<OutboxRow>(
          `select commune_id as "communeId", id::text, record_id as "recordId" from search_outbox
           where processed_at is null and attempts < 5 order by id limit 200`,
        ),
      );
      if (rows.length === 0) break;
      for (const [communeId, communeRows] of groupBy(rows, (row) => row.communeId)) {
        try {
          await this.apply(communeId, [...new Set(communeRows.map((row) => row.recordId))]);
          await this.markProcessed(communeRows.map((row) => row.id));
        } catch (error) {
          this.logger.error(`Indexing failed for commune ${communeId}: ${String(error)}`);
          await this.markFailed(communeRows.map((row) => row.id), String(error));
        }
      }
      processed += rows.length;
    }
    return processed;
  }

  private async apply(communeId: string, recordIds: string[]): Promise<void> {
    const commune = (await this.communes(communeId))[0];
    const found: SearchRecord[] = [];
    for (const [source, ids] of groupBy(recordIds, (id) => this.sources.forRecordId(id))) {
      if (!source) continue;
      found.push(...(await this.tx.run({ communeId, userId: null, scope: 'public' }, () => source.load(commune, ids))));
    }
    const foundIds = new Set(found.map((record) => record.id));
    if (found.length > 0) await this.engine.upsert(found);
    const gone = recordIds.filter((id) => !foundIds.has(id));
    if (gone.length > 0) await this.engine.remove(gone);
  }

  private async expectedRecords(commune: IndexedCommune): Promise<SearchRecord[]> {
    const records: SearchRecord[] = [];
    for (const source of this.sources.all()) {
      const ids = await this.tx.run({ communeId: commune.id, userId: null, scope: 'public' }, () => source.allIds(commune));
      for (let start = 0; start < ids.length; start += 500) {
        const slice = ids.slice(start, start + 500);
        records.push(...(await this.tx.run({ communeId: commune.id, userId: null, scope: 'public' }, () => source.load(commune, slice))));
      }
    }
    return records;
  }

  private communes(onlyId?: string): Promise<IndexedCommune[]> {
    return this.tx.run({ communeId: null, userId: null, scope: 'public' }, () =>
      this.tx.query<IndexedCommune>(
        `select id, slug, name, department from communes where ($1::uuid is null or id = $1) order by slug`,
        [onlyId ?? null],
      ),
    );
  }

  private async pendingOutboxIds(): Promise<string[]> {
    const rows = await this.tx.run({ communeId: null, userId: null, scope: 'indexer' }, () =>
      this.tx.query<{ id: string }>(`select id::text from search_outbox where processed_at is null`),
    );
    return rows.map((row) => row.id);
  }

  private async markProcessed(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.tx.run({ communeId: null, userId: null, scope: 'indexer' }, () =>
      this.tx.query(`update search_outbox set processed_at = now() where id = any($1::bigint[]) returning id`, [ids]),
    );
  }

  private async markFailed(ids: string[], error: string): Promise<void> {
    await this.tx.run({ communeId: null, userId: null, scope: 'indexer' }, () =>
      this.tx.query(`update search_outbox set attempts = attempts + 1, last_error = $2 where id = any($1::bigint[]) returning id`, [ids, error.slice(0, 2000)]),
    );
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
