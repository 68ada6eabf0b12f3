import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@communes/api-core';
import { TenantTransaction, UploadIntentsRepository } from '@communes/api-database';
import { DocumentStorage, objectKeyPrefixFor, parseObjectKey } from '@communes/api-storage';

/** An intent this old belongs to an upload that died (see migration 1764260000000). */
export const UPLOAD_INTENT_GRACE_SECONDS = 3600;
const BATCH = 50;

/**
 * Removes the objects of uploads that never wrote their row (process killed between the storage
 * write and the database write), then their intents: those of every feature, since they all
 * record theirs through the shared `UploadIntentsRepository` (api-database). Idempotent: deleting a missing
 * object is not an error, so two API replicas sweeping the same intent is harmless.
 */
@Injectable()
export class UploadIntentSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadIntentSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly tx: TenantTransaction,
    private readonly intents: UploadIntentsRepository,
    private readonly config: AppConfig,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.BACKGROUND_JOBS_INTERVAL_MS;
    if (interval > 0) {
      // Orphans are rare and not urgent: a sweep every 60 intervals (5 minutes by default).
      this.timer = setInterval(() => void this.runOnce().catch((error: unknown) => this.logger.error(String(error))), interval * 60);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Sweeps up to one batch; returns how many orphans were removed. */
  runOnce(graceSeconds = UPLOAD_INTENT_GRACE_SECONDS): Promise<number> {
    this.running ??= this.sweep(graceSeconds).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweep(graceSeconds: number): Promise<number> {
    const worker = { communeId: null, userId: null, scope: 'worker' as const };
    const expired = await this.tx.run(worker, () => this.intents.expired(graceSeconds, BATCH));
    let removed = 0;
    for (const intent of expired) {
      try {
        // The key carries its commune: an intent never reaches another commune's objects.
        if (!intent.objectKey.startsWith(objectKeyPrefixFor(intent.communeId))) {
          throw new Error(`the key does not belong to commune ${intent.communeId}`);
        }
        await this.storage.delete(parseObjectKey(intent.objectKey));
        await this.tx.run(worker, () => this.intents.remove(intent.objectKey));
        removed++;
        this.logger.warn(`Removed the orphan object ${intent.objectKey} of an interrupted upload`);
      } catch (error) {
        // Left for the next sweep.
        this.logger.error(`Could not remove the orphan object ${intent.objectKey}: ${String(error)}`);
      }
    }
    return removed;
  }
}
