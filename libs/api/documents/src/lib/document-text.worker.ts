import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { DocumentStorage, parseObjectKey } from '@communes/api-storage';
import { documentSearchId } from './documents.service';
import { extractPdfText } from './pdf-text';

interface PendingVersion {
  communeId: string;
  id: string;
  documentId: string;
  objectKey: string;
  sizeBytes: string;
  publishedAt: Date | null;
}

/** PDFs above this are not parsed in memory; they stay downloadable, just not full-text searchable. */
const MAX_PARSED_BYTES = 40 * 1024 * 1024;

/**
 * Extracts the text of uploaded PDFs in the background, for search. Idempotent: a version is
 * updated only while still pending, so two workers (two API replicas) at worst do the work twice.
 */
@Injectable()
export class DocumentTextWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentTextWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly config: AppConfig,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.BACKGROUND_JOBS_INTERVAL_MS;
    if (interval > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((error: unknown) => this.logger.error(String(error))), interval);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Processes up to `limit` pending versions; returns how many were handled. */
  runOnce(limit = 10): Promise<number> {
    this.running ??= this.process(limit).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async process(limit: number): Promise<number> {
    const pending = await this.tx.run({ communeId: null, userId: null, scope: 'worker' }, () =>
      this.tx.query<PendingVersion>(
        `select commune_id as "communeId", id, document_id as "documentId", object_key as "objectKey",
                size_bytes::text as "sizeBytes", published_at as "publishedAt"
         from document_versions where text_status = 'pending' order by created_at limit $1`,
        [limit],
      ),
    );
    for (const version of pending) {
      const outcome = await this.extract(version);
      await this.tx.run({ communeId: null, userId: null, scope: 'worker' }, async () => {
        const updated = await this.tx.query(
          `update document_versions set text_status = $3, text_content = $4, page_count = $5
           where commune_id = $1 and id = $2 and text_status = 'pending' returning id`,
          [version.communeId, version.id, outcome.status, outcome.text, outcome.pageCount],
        );
        if (updated.length === 1 && version.publishedAt && outcome.status === 'done') {
          await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [version.communeId, documentSearchId(version.documentId)]);
        }
      });
    }
    return pending.length;
  }

  private async extract(version: PendingVersion): Promise<{ status: 'done' | 'failed'; text: string | null; pageCount: number | null }> {
    if (Number(version.sizeBytes) > MAX_PARSED_BYTES) return { status: 'failed', text: null, pageCount: null };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.get(parseObjectKey(version.objectKey))) chunks.push(chunk as Buffer);
      const { text, pageCount } = await extractPdfText(Buffer.concat(chunks));
      return { status: 'done', text, pageCount };
    } catch (error) {
      this.logger.warn(`Text extraction failed for version ${version.id}: ${String(error)}`);
      return { status: 'failed', text: null, pageCount: null };
    }
  }
}
