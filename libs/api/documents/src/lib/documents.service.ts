import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DocumentCategory } from '@communes/shared-contracts';
import { AppConfig, ConflictError, DomainError, NotFoundError, RequestContext } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from '@communes/api-communes';
import { UploadIntentsRepository } from '@communes/api-database';
import { DocumentStorage, objectKeyFor, parseObjectKey } from '@communes/api-storage';
import { NotificationOutbox } from '@communes/api-notifications';
import { DocumentRecord, DocumentsRepository, DocumentVersionRecord } from './documents.repository';
import { detectAllowedType, ALLOWED_EXTENSIONS } from './file-type-policy';
import { spoolUpload, UploadTooLargeError } from './upload-spool';

export interface DocumentWithVersions extends DocumentRecord {
  versions: DocumentVersionRecord[];
}

export type DownloadTarget =
  | { kind: 'redirect'; url: string }
  | { kind: 'stream'; stream: Readable; fileName: string; mediaType: string; sizeBytes: string; sha256: string };

/** The search record id of a document (see the search outbox). */
export const documentSearchId = (documentId: string) => `document:${documentId}`;

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly access: CommuneAccess,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly config: AppConfig,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
    private readonly uploadIntents: UploadIntentsRepository,
    private readonly notifications: NotificationOutbox,
  ) {}

  async list(slug: string, filter: { category?: DocumentCategory; fiscalYear?: number }): Promise<DocumentRecord[]> {
    const commune = await this.access.findBySlug(slug);
    const includeDrafts = this.access.scopeIn(commune.id) === 'staff';
    return this.access.runIn(commune, () => this.documents.list(commune.id, { ...filter, includeDrafts }));
  }

  async get(slug: string, id: string): Promise<DocumentWithVersions> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const document = await this.requireDocument(commune.id, id);
      this.access.authorize('read', 'Document', { communeId: commune.id, state: document.state });
      return { ...document, versions: await this.documents.versions(commune.id, id) };
    });
  }

  async create(slug: string, input: { category: DocumentCategory; fiscalYear?: number; title: string; description?: string }): Promise<DocumentRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Document', { communeId: commune.id, state: 'draft' });
    return this.access.runIn(commune, async () => {
      const document = await this.documents.insert(commune.id, {
        category: input.category,
        fiscalYear: input.fiscalYear ?? null,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        createdBy: this.requestContext.actor.userId,
      });
      await this.audit.record({ communeId: commune.id, action: 'document.created', targetType: 'document', targetId: document.id, details: { title: document.title, category: document.category } });
      return document;
    });
  }

  /**
   * Adds a version from an upload stream. The bytes go to a temporary file first (size limit,
   * sha256, type from the bytes), then to storage under a key carrying the commune id, then the
   * row is written. If the row cannot be written, the stored object is removed: a failed upload
   * leaves neither row nor object. The key is recorded as an upload intent before the object is
   * written and forgotten with the row, so that an upload interrupted in between (the process
   * killed) is cleaned up by the UploadIntentSweeper.
   */
  async addVersion(slug: string, documentId: string, upload: { stream: Readable; fileName: string }): Promise<DocumentVersionRecord> {
    const commune = await this.access.findBySlug(slug);
    const document = await this.access.runIn(commune, () => this.requireDocument(commune.id, documentId));
    this.access.authorize('update', 'Document', { communeId: commune.id, state: document.state });
    if (document.state === 'withdrawn') {
      throw new ConflictError('document.withdrawn', 'This document was withdrawn; create a new document instead.');
    }

    const spooled = await spoolUpload(upload.stream, this.config.MAX_UPLOAD_BYTES).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) throw tooLarge(this.config.MAX_UPLOAD_BYTES);
      throw error;
    });
    try {
      if (spooled.size === 0) throw new DomainError(400, 'document.empty-file', 'The file is empty.');
      const type = detectAllowedType(spooled.head, upload.fileName);
      if (!type) {
        throw new DomainError(415, 'document.unsupported-type', `This file is not an accepted document. Accepted: ${ALLOWED_EXTENSIONS.join(', ')} (checked from the file's content, not its name).`);
      }
      const versionId = randomUUID();
      const key = objectKeyFor(commune.id, 'documents', documentId, `${versionId}.${type.extension}`);
      await this.access.runIn(commune, () => this.uploadIntents.record(commune.id, key));
      try {
        const stored = await this.storage.put(key, createReadStream(spooled.path), { size: spooled.size, contentType: type.mediaType });
        if (stored.sha256 !== spooled.sha256) throw new Error(`Stored bytes of ${key} differ from the upload (sha256 mismatch).`);
        return await this.access.runIn(commune, async () => {
          await this.requireDocument(commune.id, documentId, { lock: true });
          const version = await this.documents.insertVersion(commune.id, {
            id: versionId,
            documentId,
            objectKey: key,
            fileName: safeFileName(upload.fileName, type.extension),
            mediaType: type.mediaType,
            sizeBytes: spooled.size,
            sha256: spooled.sha256,
            textStatus: type.extension === 'pdf' ? 'pending' : 'not_applicable',
            uploadedBy: this.requestContext.actor.userId,
          });
          await this.uploadIntents.forget(commune.id, key);
          await this.audit.record({ communeId: commune.id, action: 'document.version-added', targetType: 'document', targetId: documentId, details: { version: version.versionNumber, sha256: version.sha256, size: spooled.size } });
          return version;
        });
      } catch (error) {
        try {
          await this.storage.delete(key);
          await this.access.runIn(commune, () => this.uploadIntents.forget(commune.id, key));
        } catch (cleanup) {
          this.logger.error(`Upload of ${key} failed; its object is left to the upload intent sweeper`, String(cleanup));
        }
        throw error;
      }
    } finally {
      await spooled.remove();
    }
  }

  async publish(slug: string, documentId: string): Promise<DocumentWithVersions> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const document = await this.requireDocument(commune.id, documentId, { lock: true });
      this.access.authorize('publish', 'Document', { communeId: commune.id, state: document.state });
      if (document.state === 'withdrawn') throw new ConflictError('document.withdrawn', 'A withdrawn document cannot be published again.');
      const published = await this.documents.publishPendingVersions(commune.id, documentId);
      if (published === 0) {
        throw new ConflictError('document.nothing-to-publish', 'Upload a file (a new version) before publishing.');
      }
      const updated = await this.documents.markPublished(commune.id, documentId);
      await this.documents.enqueueSearchUpdate(commune.id, documentSearchId(documentId));
      await this.notifications.toFollowers(commune.id, 'document.published', { documentId, title: updated.title });
      await this.audit.record({ communeId: commune.id, action: 'document.published', targetType: 'document', targetId: documentId, details: { versionsPublished: published } });
      return { ...updated, versions: await this.documents.versions(commune.id, documentId) };
    });
  }

  /** Withdrawing keeps a public trace (title, versions' metadata, reason); the files are no longer served. */
  async withdraw(slug: string, documentId: string, reason: string): Promise<DocumentWithVersions> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const document = await this.requireDocument(commune.id, documentId, { lock: true });
      this.access.authorize('withdraw', 'Document', { communeId: commune.id, state: document.state });
      if (document.state !== 'published') {
        throw new ConflictError('document.not-published', 'Only a published document can be withdrawn; a draft can simply stay unpublished.');
      }
      const updated = await this.documents.markWithdrawn(commune.id, documentId, reason.trim());
      await this.documents.enqueueSearchUpdate(commune.id, documentSearchId(documentId));
      await this.audit.record({ communeId: commune.id, action: 'document.withdrawn', targetType: 'document', targetId: documentId, details: { reason: reason.trim() } });
      return { ...updated, versions: await this.documents.versions(commune.id, documentId) };
    });
  }

  async download(slug: string, documentId: string, versionId: string): Promise<DownloadTarget> {
    const commune = await this.access.findBySlug(slug);
    const { document, version } = await this.access.runIn(commune, async () => {
      const found = await this.requireDocument(commune.id, documentId);
      this.access.authorize('read', 'Document', { communeId: commune.id, state: found.state });
      const v = await this.documents.findVersion(commune.id, documentId, versionId);
      if (!v) throw new NotFoundError('document.version-not-found', 'This version does not exist.');
      return { document: found, version: v };
    });
    if (document.state === 'withdrawn' && this.access.scopeIn(commune.id) !== 'staff') {
      throw new DomainError(410, 'document.withdrawn', `This document was withdrawn: ${document.withdrawalReason ?? ''}`.trim());
    }
    const key = parseObjectKey(version.objectKey);
    const url = await this.storage.downloadUrl(key, { expiresInSeconds: 300, fileName: version.fileName });
    if (url) return { kind: 'redirect', url };
    return {
      kind: 'stream',
      stream: await this.storage.get(key),
      fileName: version.fileName,
      mediaType: version.mediaType,
      sizeBytes: version.sizeBytes,
      sha256: version.sha256,
    };
  }

  private async requireDocument(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<DocumentRecord> {
    const document = await this.documents.find(communeId, id, options);
    if (!document) throw new NotFoundError('document.not-found', 'No such document in this commune.');
    return document;
  }
}

function tooLarge(maxBytes: number): DomainError {
  const megabytes = Math.floor(maxBytes / (1024 * 1024));
  return new DomainError(413, 'document.too-large', `The file is larger than the limit of ${megabytes} MB.`);
}

/** Keeps the name people gave the file, minus path parts and control characters, with the real extension. */
function safeFileName(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name.split(/[\\/]/).pop() ?? 'document').replace(/[\u0000-\u001f"]/g, '').trim().slice(0, 200) || 'document';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${extension}`;
}
