import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenActionError, NotFoundError, RequestContext, UnprocessableError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { UploadIntentsRepository } from '@communes/api-database';
import { readUpload, UploadTooLargeError } from '@communes/api-documents';
import { DocumentStorage, objectKeyFor, parseObjectKey } from '@communes/api-storage';
import { FEEDBACK_PHOTO_MAX_BYTES, FEEDBACK_PHOTO_WINDOW_HOURS, FEEDBACK_PHOTOS_MAX } from '@communes/shared-contracts';
import { makeThumbnail, NotAPhotoError, processPhoto } from './feedback-photo-image';
import { FeedbackPhotoRecord, FeedbackPhotosRepository } from './feedback-photos.repository';
import { FeedbackRecord, FeedbackRepository } from './feedback.repository';

export interface FeedbackPhotoAdded {
  photo: FeedbackPhotoRecord;
  /** The feedback's position was filled from the photo's GPS (the author shared the place). */
  placeFilled: boolean;
}

export interface FeedbackPhotoFile {
  stream: Readable;
  mediaType: string;
  /** Null for the thumbnail (its size is not recorded). */
  sizeBytes: number | null;
  /** The ETag: the photo's sha256, suffixed for the thumbnail. */
  etag: string;
  /** Public feedback: anyone (and shared caches) may keep the bytes. */
  isPublic: boolean;
  /** Its author may still delete it (the removal window): caches should not keep it long. */
  removable: boolean;
}

/**
 * Photos of a feedback. The author adds them one request each, right after sending the
 * feedback (see the controller for why); the bytes are judged and re-encoded without metadata
 * before anything is stored (feedback-photo-image.ts).
 */
@Injectable()
export class FeedbackPhotosService {
  private readonly logger = new Logger(FeedbackPhotosService.name);

  constructor(
    private readonly access: CommuneAccess,
    private readonly feedback: FeedbackRepository,
    private readonly photos: FeedbackPhotosRepository,
    private readonly uploadIntents: UploadIntentsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  async add(slug: string, feedbackId: string, upload: { stream: Readable }, sharePlace: boolean): Promise<FeedbackPhotoAdded> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to add photos to your feedback.');
    const record = await this.runAs(commune, async () => {
      const found = await this.requireFeedback(commune.id, feedbackId);
      this.checkCanAdd(found, userId);
      if ((await this.photos.count(commune.id, feedbackId)) >= FEEDBACK_PHOTOS_MAX) throw tooMany();
      return found;
    });

    const bytes = await readUpload(upload.stream, FEEDBACK_PHOTO_MAX_BYTES).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) {
        throw new DomainError(413, 'feedback.photo-too-large', `A photo may be at most ${FEEDBACK_PHOTO_MAX_BYTES / (1024 * 1024)} MB.`);
      }
      throw error;
    });
    if (bytes.length === 0) throw new DomainError(400, 'feedback.photo-empty', 'The photo is empty.');
    const photo = await processPhoto(bytes).catch((error: unknown) => {
      if (error instanceof NotAPhotoError) {
        throw new DomainError(415, 'feedback.photo-unsupported-type', "This file is not a photo. Accepted: JPEG, PNG, WebP (checked from the file's content, not its name).");
      }
      throw error;
    });

    const thumbnail = await makeThumbnail(photo.bytes);
    const photoId = randomUUID();
    const key = objectKeyFor(commune.id, 'feedback-photos', feedbackId, `${photoId}.${photo.extension}`);
    const thumbnailKey = objectKeyFor(commune.id, 'feedback-photos', feedbackId, `${photoId}-small.jpg`);
    const sha256 = createHash('sha256').update(photo.bytes).digest('hex');
    // Recorded before the objects are written, forgotten with the row: an upload cut in between
    // leaves intents, and the documents' UploadIntentSweeper removes the orphan objects.
    await this.runAs(commune, async () => {
      await this.uploadIntents.record(commune.id, key);
      await this.uploadIntents.record(commune.id, thumbnailKey);
    });
    try {
      const stored = await this.storage.put(key, bufferStream(photo.bytes), { size: photo.bytes.length, contentType: photo.mediaType });
      if (stored.sha256 !== sha256) throw new Error(`Stored bytes of ${key} differ from the photo (sha256 mismatch).`);
      await this.storage.put(thumbnailKey, bufferStream(thumbnail), { size: thumbnail.length, contentType: 'image/jpeg' });
      return await this.runAs(commune, async () => {
        // Checked again: another upload may have taken the last place meanwhile.
        this.checkCanAdd(await this.requireFeedback(commune.id, feedbackId), userId);
        if ((await this.photos.count(commune.id, feedbackId)) >= FEEDBACK_PHOTOS_MAX) throw tooMany();
        const inserted = await this.photos
          .insert(commune.id, { id: photoId, feedbackId, objectKey: key, thumbnailKey, mediaType: photo.mediaType, sizeBytes: photo.bytes.length, width: photo.width, height: photo.height, sha256 })
          .catch((error: unknown) => {
            // Two uploads at once took the same position (unique), or a fifth slipped past the count (check).
            if (pgCode(error) === '23505') throw new ConflictError('feedback.photo-conflict', 'Another photo was being added at the same time; send this one again.');
            if (pgCode(error) === '23514') throw tooMany();
            throw error;
          });
        // The position is kept only when the citizen chose to share the place, and never replaces one they gave.
        const placeFilled = sharePlace && photo.gps !== null && record.latitude === null && (await this.photos.locateFeedback(commune.id, feedbackId, photo.gps));
        await this.uploadIntents.forget(commune.id, key);
        await this.uploadIntents.forget(commune.id, thumbnailKey);
        await this.audit.record({
          communeId: commune.id,
          action: 'feedback.photo-added',
          targetType: 'feedback',
          targetId: feedbackId,
          details: { trackingNumber: record.trackingNumber, photoId, size: photo.bytes.length, placeFilled },
        });
        return { photo: inserted, placeFilled };
      });
    } catch (error) {
      try {
        await this.storage.delete(key);
        await this.storage.delete(thumbnailKey);
        await this.runAs(commune, async () => {
          await this.uploadIntents.forget(commune.id, key);
          await this.uploadIntents.forget(commune.id, thumbnailKey);
        });
      } catch (cleanup) {
        this.logger.error(`Photo upload ${key} failed; its object is left to the upload intent sweeper`, String(cleanup));
      }
      throw error;
    }
  }

  /** The photo's bytes (or its thumbnail's), for whoever may read its feedback. */
  async open(slug: string, feedbackId: string, photoId: string, size: 'full' | 'small' = 'full'): Promise<FeedbackPhotoFile> {
    const commune = await this.access.findBySlug(slug);
    const { record, photo } = await this.runAs(commune, async () => {
      const found = await this.requireFeedback(commune.id, feedbackId);
      this.access.authorize('read', 'Feedback', { communeId: found.communeId, visibility: found.visibility, authorId: found.authorId });
      // Hidden by moderation: its photos are served to its author and the commune staff only (like its text).
      const viewer = this.requestContext.actor.userId;
      if (found.hiddenAt !== null && this.access.scopeIn(commune.id) !== 'staff' && (viewer === null || found.authorId !== viewer)) {
        throw new NotFoundError('feedback.photo-not-found', 'No such photo for this feedback.');
      }
      const stored = await this.photos.find(commune.id, feedbackId, photoId);
      if (!stored) throw new NotFoundError('feedback.photo-not-found', 'No such photo for this feedback.');
      return { record: found, photo: stored };
    });
    const isPublic = record.visibility === 'public' && record.hiddenAt === null;
    const removable = withinWindow(record);
    if (size === 'small' && photo.thumbnailKey) {
      return { stream: await this.storage.get(parseObjectKey(photo.thumbnailKey)), mediaType: 'image/jpeg', sizeBytes: null, etag: `${photo.sha256}-small`, isPublic, removable };
    }
    return { stream: await this.storage.get(parseObjectKey(photo.objectKey)), mediaType: photo.mediaType, sizeBytes: photo.sizeBytes, etag: photo.sha256, isPublic, removable };
  }

  /**
   * The author takes back a photo, in the same window as adding one (a day, before the commune
   * handles the feedback). The row goes and the photo's keys become upload intents in one
   * transaction; the objects are removed after the commit, or by the sweeper if that fails, so a
   * failing storage never leaves a photo listed without its bytes nor bytes nobody can find.
   */
  async remove(slug: string, feedbackId: string, photoId: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    const userId = this.requestContext.actor.userId;
    if (!userId) throw new ForbiddenActionError('Log in to remove a photo of your feedback.');
    const keys = await this.runAs(commune, async () => {
      const record = await this.requireFeedback(commune.id, feedbackId);
      this.access.authorize('delete', 'FeedbackPhoto', { communeId: record.communeId, authorId: record.authorId });
      const photo = await this.photos.find(commune.id, feedbackId, photoId);
      if (!photo) throw new NotFoundError('feedback.photo-not-found', 'No such photo for this feedback.');
      this.checkWindow(record, 'removed');
      const removed = await this.photos.remove(commune.id, feedbackId, photoId);
      // RLS refused the delete: the window closed between the check and the statement.
      if (!removed) throw photosClosed('removed');
      const objectKeys = [removed.objectKey, ...(removed.thumbnailKey && removed.thumbnailKey !== removed.objectKey ? [removed.thumbnailKey] : [])];
      for (const key of objectKeys) await this.uploadIntents.record(commune.id, key);
      await this.audit.record({
        communeId: commune.id,
        action: 'feedback.photo-removed',
        targetType: 'feedback',
        targetId: feedbackId,
        details: { trackingNumber: record.trackingNumber, photoId },
      });
      return objectKeys;
    });
    for (const key of keys) await this.removeObject(commune, key);
  }

  /** Only the author, while the feedback is fresh and untouched by the commune. */
  private checkCanAdd(record: FeedbackRecord, userId: string): void {
    if (record.authorId !== userId) throw new ForbiddenActionError('Only the author of a feedback adds photos to it.');
    this.checkWindow(record, 'added');
  }

  private checkWindow(record: FeedbackRecord, verb: 'added' | 'removed'): void {
    if (!withinWindow(record)) throw photosClosed(verb);
  }

  /** Removes an object no row names any more, then its intent; what fails is left to the upload intent sweeper. */
  private async removeObject(commune: CommuneRecord, key: string): Promise<void> {
    try {
      await this.storage.delete(parseObjectKey(key));
      await this.runAs(commune, () => this.uploadIntents.forget(commune.id, key));
    } catch (error) {
      this.logger.warn(`Could not remove photo object ${key}; left to the upload intent sweeper: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async requireFeedback(communeId: string, id: string): Promise<FeedbackRecord> {
    const record = await this.feedback.find(communeId, this.requestContext.actor.userId, { id });
    if (!record) throw new NotFoundError('feedback.not-found', 'No such feedback in this commune (or it is private).');
    return record;
  }

  /** Like FeedbackService: staff in the staff scope, everyone else in the public scope. */
  private runAs<T>(commune: CommuneRecord, work: () => Promise<T>): Promise<T> {
    return this.access.runIn(commune, work, this.access.scopeIn(commune.id) === 'staff' ? 'staff' : 'public');
  }
}

/** The author may still add or remove photos: within the window, before the commune handles the feedback. */
function withinWindow(record: FeedbackRecord): boolean {
  const windowEnd = new Date(record.createdAt).getTime() + FEEDBACK_PHOTO_WINDOW_HOURS * 3600_000;
  return record.status === 'received' && Date.now() <= windowEnd;
}

function photosClosed(verb: 'added' | 'removed'): ConflictError {
  return new ConflictError('feedback.photos-closed', `Photos are ${verb} within ${FEEDBACK_PHOTO_WINDOW_HOURS} hours of sending the feedback, before the commune handles it.`);
}

function tooMany(): UnprocessableError {
  return new UnprocessableError('feedback.too-many-photos', `A feedback has at most ${FEEDBACK_PHOTOS_MAX} photos.`);
}

function bufferStream(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}

function pgCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
