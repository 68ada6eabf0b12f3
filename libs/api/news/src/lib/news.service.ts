import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError, RequestContext, ValidationFailedError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { UploadIntentsRepository } from '@communes/api-database';
import { readUpload, UploadTooLargeError } from '@communes/api-documents';
import { NotAPhotoError, processPhoto } from '@communes/api-feedback';
import { NotificationOutbox } from '@communes/api-notifications';
import { DocumentStorage, objectKeyFor, parseObjectKey } from '@communes/api-storage';
import { NEWS_COVER_MAX_BYTES, type NewsState } from '@communes/shared-contracts';
import { NewsFields, NewsRecord, NewsRepository } from './news.repository';

export const newsSearchId = (id: string) => `news:${id}`;

export interface NewsInput {
  title: string;
  summary?: string | null;
  body: string;
}

export interface NewsPage {
  items: NewsRecord[];
  total: number;
  page: number;
  pageSize: number;
}

/** A publication date may be backdated (news written down later), never set in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

@Injectable()
export class NewsService {
  private readonly logger = new Logger(NewsService.name);

  constructor(
    private readonly access: CommuneAccess,
    private readonly news: NewsRepository,
    private readonly uploadIntents: UploadIntentsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationOutbox,
    private readonly requestContext: RequestContext,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  /** Published news for everyone (newest first); staff see drafts and withdrawn ones too, or filter by state. */
  async list(slug: string, query: { state?: NewsState; page?: number; pageSize?: number }): Promise<NewsPage> {
    const commune = await this.access.findBySlug(slug);
    const staff = this.access.scopeIn(commune.id) === 'staff';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 10;
    // RLS already hides unpublished news from others; asking for drafts is simply empty for them.
    const state = query.state ?? (staff ? null : 'published');
    const result = await this.access.runIn(commune, () => this.news.list(commune.id, { state, limit: pageSize, offset: (page - 1) * pageSize }));
    return { ...result, page, pageSize };
  }

  async get(slug: string, id: string): Promise<NewsRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const record = await this.require(commune.id, id);
      this.access.authorize('read', 'News', subjectOf(record));
      return record;
    });
  }

  async create(slug: string, input: NewsInput): Promise<NewsRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'News', { communeId: commune.id, state: 'draft' });
    return this.access.runIn(commune, async () => {
      const id = await this.news.insert(commune.id, fieldsOf(input), this.requestContext.actor.userId);
      await this.audit.record({ communeId: commune.id, action: 'news.created', targetType: 'news', targetId: id, details: { title: input.title.trim() } });
      return this.require(commune.id, id);
    });
  }

  /** Drafts and published news can be corrected; a withdrawn article stays as it was withdrawn. */
  async update(slug: string, id: string, input: NewsInput): Promise<NewsRecord> {
    return this.change(slug, id, 'update', async (communeId, record) => {
      if (record.state === 'withdrawn') throw new ConflictError('news.withdrawn', 'A withdrawn article cannot be changed.');
      await this.news.update(communeId, id, fieldsOf(input), this.requestContext.actor.userId);
      if (record.state === 'published') await this.news.enqueueSearchUpdate(communeId, newsSearchId(id));
      return { action: 'news.updated', details: { title: input.title.trim() } };
    });
  }

  async publish(slug: string, id: string, publishedAt: string | undefined): Promise<NewsRecord> {
    const date = publishedAt ? new Date(publishedAt) : null;
    if (date && date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw new ValidationFailedError([{ field: 'publishedAt', messages: ['publishedAt cannot be in the future: publish the article when it is due'] }]);
    }
    return this.change(slug, id, 'publish', async (communeId, record) => {
      if (record.state !== 'draft') throw new ConflictError('news.not-draft', 'Only a draft article can be published.');
      await this.news.publish(communeId, id, date, this.requestContext.actor.userId);
      await this.news.enqueueSearchUpdate(communeId, newsSearchId(id));
      await this.notifications.toFollowers(communeId, 'news.published', { newsId: id, title: record.title });
      return { action: 'news.published', details: { title: record.title } };
    });
  }

  /** Takes a published article off the public pages and the search; the reason stays for the staff. */
  async withdraw(slug: string, id: string, reason: string): Promise<NewsRecord> {
    return this.change(slug, id, 'withdraw', async (communeId, record) => {
      if (record.state !== 'published') throw new ConflictError('news.not-published', 'Only a published article can be withdrawn.');
      await this.news.withdraw(communeId, id, reason.trim(), this.requestContext.actor.userId);
      await this.news.enqueueSearchUpdate(communeId, newsSearchId(id));
      return { action: 'news.withdrawn', details: { title: record.title, reason: reason.trim() } };
    });
  }

  /**
   * Sets the cover image through the feedback photo pipeline (type judged by the bytes,
   * re-encoded upright, downscaled, without metadata), with an upload intent so that an
   * interrupted upload leaves no orphan object. The replaced cover's key becomes an intent in the
   * transaction that replaces it: its object is removed after the commit, or by the sweeper.
   */
  async setCover(slug: string, id: string, upload: { stream: Readable }, alt: string | null): Promise<NewsRecord> {
    const commune = await this.access.findBySlug(slug);
    const record = await this.access.runIn(commune, () => this.require(commune.id, id));
    this.access.authorize('update', 'News', subjectOf(record));
    if (record.state === 'withdrawn') throw new ConflictError('news.withdrawn', 'A withdrawn article cannot be changed.');
    const bytes = await readUpload(upload.stream, NEWS_COVER_MAX_BYTES).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) throw new DomainError(413, 'news.cover-too-large', `The image may be at most ${NEWS_COVER_MAX_BYTES / (1024 * 1024)} MB.`);
      throw error;
    });
    if (bytes.length === 0) throw new DomainError(400, 'news.cover-empty', 'The image is empty.');
    const photo = await processPhoto(bytes).catch((error: unknown) => {
      if (error instanceof NotAPhotoError) throw new DomainError(415, 'news.cover-unsupported-type', "This file is not an image. Accepted: JPEG, PNG, WebP (checked from the file's content, not its name).");
      throw error;
    });
    const key = objectKeyFor(commune.id, 'news', id, `${randomUUID()}.${photo.extension}`);
    await this.access.runIn(commune, () => this.uploadIntents.record(commune.id, key));
    let result: { updated: NewsRecord; previous: string | null };
    try {
      const stored = await this.storage.put(key, Readable.from([photo.bytes]), { size: photo.bytes.length, contentType: photo.mediaType });
      if (stored.sha256 !== createHash('sha256').update(photo.bytes).digest('hex')) throw new Error(`Stored bytes of ${key} differ (sha256 mismatch).`);
      result = await this.access.runIn(commune, async () => {
        const locked = await this.require(commune.id, id, true);
        if (locked.state === 'withdrawn') throw new ConflictError('news.withdrawn', 'A withdrawn article cannot be changed.');
        const previous = await this.retireCover(commune.id, id);
        await this.news.setCover(commune.id, id, { objectKey: key, mediaType: photo.mediaType, width: photo.width, height: photo.height, alt }, this.requestContext.actor.userId);
        await this.uploadIntents.forget(commune.id, key);
        if (locked.state === 'published') await this.news.enqueueSearchUpdate(commune.id, newsSearchId(id));
        await this.audit.record({ communeId: commune.id, action: 'news.cover-set', targetType: 'news', targetId: id, details: { size: photo.bytes.length } });
        return { updated: await this.require(commune.id, id), previous };
      });
    } catch (error) {
      await this.removeObject(commune, key);
      throw error;
    }
    if (result.previous) await this.removeObject(commune, result.previous);
    return result.updated;
  }

  /**
   * Takes the cover off. Like a replacement: the removed cover's key becomes an intent in the
   * transaction that clears it, and its object is removed after the commit, or by the sweeper if
   * that fails; a failure before the commit leaves the cover as it was. No cover: nothing to do.
   */
  async removeCover(slug: string, id: string): Promise<NewsRecord> {
    const commune = await this.access.findBySlug(slug);
    const result = await this.access.runIn(commune, async () => {
      const locked = await this.require(commune.id, id, true);
      this.access.authorize('update', 'News', subjectOf(locked));
      if (locked.state === 'withdrawn') throw new ConflictError('news.withdrawn', 'A withdrawn article cannot be changed.');
      const previous = await this.retireCover(commune.id, id);
      if (previous) {
        await this.news.clearCover(commune.id, id, this.requestContext.actor.userId);
        if (locked.state === 'published') await this.news.enqueueSearchUpdate(commune.id, newsSearchId(id));
        await this.audit.record({ communeId: commune.id, action: 'news.cover-removed', targetType: 'news', targetId: id, details: { title: locked.title } });
      }
      return { updated: await this.require(commune.id, id), previous };
    });
    if (result.previous) await this.removeObject(commune, result.previous);
    return result.updated;
  }

  /** The cover's bytes, for whoever may read the article. */
  async openCover(slug: string, id: string): Promise<{ stream: Readable; mediaType: string; isPublic: boolean }> {
    const commune = await this.access.findBySlug(slug);
    const { record, file } = await this.access.runIn(commune, async () => {
      const found = await this.require(commune.id, id);
      this.access.authorize('read', 'News', subjectOf(found));
      const cover = await this.news.coverFile(commune.id, id);
      if (!cover) throw new NotFoundError('news.no-cover', 'This article has no cover image.');
      return { record: found, file: cover };
    });
    return { stream: await this.storage.get(parseObjectKey(file.objectKey)), mediaType: file.mediaType, isPublic: record.state === 'published' };
  }

  private async change(
    slug: string,
    id: string,
    action: 'update' | 'publish' | 'withdraw',
    work: (communeId: string, record: NewsRecord) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<NewsRecord> {
    const commune: CommuneRecord = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const record = await this.require(commune.id, id, true);
      this.access.authorize(action, 'News', subjectOf(record));
      const done = await work(commune.id, record);
      await this.audit.record({ communeId: commune.id, action: done.action, targetType: 'news', targetId: id, details: done.details });
      return this.require(commune.id, id);
    });
  }

  /**
   * In the transaction that changes the cover: the current cover's key (the article locked against
   * a concurrent change), recorded as an intent, since its object is about to be named by no row.
   */
  private async retireCover(communeId: string, id: string): Promise<string | null> {
    const previous = await this.news.lockCoverKey(communeId, id);
    if (previous) await this.uploadIntents.record(communeId, previous);
    return previous;
  }

  /** Removes an object no row names, then its intent; what fails is left to the upload intent sweeper. */
  private async removeObject(commune: CommuneRecord, key: string): Promise<void> {
    try {
      await this.storage.delete(parseObjectKey(key));
      await this.access.runIn(commune, () => this.uploadIntents.forget(commune.id, key));
    } catch (error) {
      this.logger.warn(`Could not remove cover object ${key}; left to the upload intent sweeper: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async require(communeId: string, id: string, lock = false): Promise<NewsRecord> {
    const record = await this.news.find(communeId, id, { lock });
    if (!record) throw new NotFoundError('news.not-found', 'No such article in this commune.');
    return record;
  }
}

function subjectOf(record: NewsRecord) {
  return { communeId: record.communeId, state: record.state };
}

function fieldsOf(input: NewsInput): NewsFields {
  return { title: input.title.trim(), summary: input.summary?.trim() || null, body: input.body.trim() };
}
