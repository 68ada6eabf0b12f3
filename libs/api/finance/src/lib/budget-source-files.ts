import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BudgetStage, DocumentCategory } from '@communes/shared-contracts';
import { NotFoundError, RequestContext } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneRecord, CommuneAccess } from '@communes/api-communes';
import { DocumentsRepository, DocumentsService } from '@communes/api-documents';
import { DocumentStorage, objectKeyFor } from '@communes/api-storage';
import { withExtension } from './source-file-name';

/** The document category a budget's source file is filed under. */
export const SOURCE_CATEGORY: Readonly<Record<BudgetStage, DocumentCategory>> = {
  primitif: 'budget_primitif',
  collectif: 'budget_collectif',
  execute: 'compte_administratif',
};

const STAGE_TITLES: Readonly<Record<BudgetStage, string>> = {
  primitif: 'Budget primitif',
  collectif: 'Budget collectif',
  execute: 'Compte administratif',
};

export interface KeptSourceFile {
  documentId: string;
  versionId: string;
  fileName: string;
}

/**
 * Keeps an imported budget file as a draft document of the commune (published with the
 * budget), so that citizens can always check the figures against the file they came from.
 */
@Injectable()
export class BudgetSourceFiles {
  private readonly logger = new Logger(BudgetSourceFiles.name);

  constructor(
    private readonly documents: DocumentsService,
    private readonly documentsRepository: DocumentsRepository,
    private readonly access: CommuneAccess,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  async keep(
    commune: CommuneRecord,
    file: { bytes: Buffer; fileName: string; format: 'csv' | 'xlsx'; encoding?: string },
    budget: { fiscalYear: number; stage: BudgetStage },
  ): Promise<KeptSourceFile> {
    const fileName = withExtension(file.fileName, file.format);
    const document = await this.documents.create(commune.slug, {
      category: SOURCE_CATEGORY[budget.stage],
      fiscalYear: budget.fiscalYear,
      title: `${STAGE_TITLES[budget.stage]} ${budget.fiscalYear} — tableau des lignes budgétaires`,
      description: `Fichier importé (${fileName}) d'où proviennent les lignes du budget publié sur la plateforme.`,
    });
    if (file.format === 'xlsx') {
      // The documents feature checks and stores spreadsheets like any upload.
      const version = await this.documents.addVersion(commune.slug, document.id, { stream: Readable.from(file.bytes), fileName });
      return { documentId: document.id, versionId: version.id, fileName: version.fileName };
    }
    const version = await this.keepCsv(commune, document.id, { ...file, fileName });
    return { documentId: document.id, versionId: version, fileName };
  }

  /**
   * The documents' file-type policy judges a file by its signature bytes and plain text has
   * none, so it refuses CSV. The parser has just read these bytes as a CSV table, so the
   * version is written here the same way the documents feature writes one: object first (key
   * with the commune id), then the row, and the object removed if the row cannot be written.
   */
  private async keepCsv(commune: CommuneRecord, documentId: string, file: { bytes: Buffer; fileName: string; encoding?: string }): Promise<string> {
    const versionId = randomUUID();
    const key = objectKeyFor(commune.id, 'documents', documentId, `${versionId}.csv`);
    const mediaType = `text/csv; charset=${file.encoding ?? 'utf-8'}`;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const stored = await this.storage.put(key, Readable.from(file.bytes), { size: file.bytes.length, contentType: mediaType });
    try {
      if (stored.sha256 !== sha256) throw new Error(`Stored bytes of ${key} differ from the upload (sha256 mismatch).`);
      return await this.access.runIn(commune, async () => {
        const document = await this.documentsRepository.find(commune.id, documentId, { lock: true });
        if (!document) throw new NotFoundError('document.not-found', 'No such document in this commune.');
        const version = await this.documentsRepository.insertVersion(commune.id, {
          id: versionId,
          documentId,
          objectKey: key,
          fileName: file.fileName,
          mediaType,
          sizeBytes: file.bytes.length,
          sha256,
          textStatus: 'not_applicable',
          uploadedBy: this.requestContext.actor.userId,
        });
        await this.audit.record({ communeId: commune.id, action: 'document.version-added', targetType: 'document', targetId: documentId, details: { version: version.versionNumber, sha256, size: file.bytes.length } });
        return version.id;
      });
    } catch (error) {
      await this.storage.delete(key).catch((cleanup: unknown) => this.logger.error(`Orphan object ${key} left behind`, String(cleanup)));
      throw error;
    }
  }
}
