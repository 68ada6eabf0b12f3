import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { BudgetStage } from '@communes/shared-contracts';
import { AppConfig, ConflictError, DomainError, NotFoundError, RequestContext } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from '@communes/api-communes';
import { parseBudgetFile } from '@communes/api-imports';
import { BudgetImportRejectedError, describeImportError } from './budget-import-rejected';
import { summarizePreview, unreadableFileMessages } from './budget-preview';
import { BudgetSourceFiles } from './budget-source-files';
import { BudgetRecord, BudgetsRepository } from './budgets.repository';
import type { BudgetImportPreviewResponse } from './dto/budgets.dto';
import { readUpload, UploadTooLargeError } from '@communes/api-documents';

/** Budget tables are small; this keeps a wrong file (a scanned PDF, a database dump) out of memory. */
export const MAX_BUDGET_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Importing a budget: a preview first (nothing but the source file and the preview is
 * stored), then the commit that turns a clean preview into a draft budget, all or nothing.
 */
@Injectable()
export class BudgetImportsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly budgets: BudgetsRepository,
    private readonly sourceFiles: BudgetSourceFiles,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly config: AppConfig,
  ) {}

  async preview(slug: string, target: { fiscalYear: number; stage: BudgetStage }, upload: { stream: Readable; fileName: string }): Promise<BudgetImportPreviewResponse> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Budget', { communeId: commune.id, state: 'draft' });

    // The documents' upload limit applies too: the source file becomes a document version.
    const maxBytes = Math.min(MAX_BUDGET_FILE_BYTES, this.config.MAX_UPLOAD_BYTES);
    const bytes = await readUpload(upload.stream, maxBytes).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) {
        throw new DomainError(413, 'budget-import.too-large', `The file is larger than the limit of ${Math.floor(maxBytes / (1024 * 1024))} MB for a budget table.`);
      }
      throw error;
    });

    const parsed = await parseBudgetFile({ bytes, fileName: upload.fileName });
    const unreadable = unreadableFileMessages(parsed);
    if (unreadable || parsed.format === 'unknown') {
      const messages = unreadable ?? ['Format de fichier non reconnu'];
      throw new BudgetImportRejectedError('budget-import.unreadable', messages.join(' ; '), parsed.errors.filter((error) => error.line === 0));
    }
    const format = parsed.format;
    const summary = summarizePreview(parsed);

    const source = await this.sourceFiles.keep(commune, { bytes, fileName: upload.fileName, format, encoding: parsed.encoding }, target);
    const stored = await this.access.runIn(commune, async () => {
      const imported = await this.budgets.insertImport(commune.id, {
        ...target,
        sourceDocumentId: source.documentId,
        sourceVersionId: source.versionId,
        fileName: source.fileName,
        format,
        totalLines: summary.totalLines,
        errorCount: summary.errorCount,
        errors: summary.errors,
        lines: summary.lines,
        createdBy: this.requestContext.actor.userId,
      });
      await this.audit.record({
        communeId: commune.id,
        action: 'budget.import-previewed',
        targetType: 'budget_import',
        targetId: imported.id,
        details: { ...target, fileName: source.fileName, totalLines: summary.totalLines, validLines: summary.validLines, errorCount: summary.errorCount },
      });
      return imported;
    });

    return {
      importId: stored.id,
      fiscalYear: stored.fiscalYear,
      stage: stored.stage,
      format: stored.format,
      sourceDocumentId: stored.sourceDocumentId,
      totalLines: summary.totalLines,
      validLines: summary.validLines,
      errorCount: summary.errorCount,
      errors: summary.errors,
      totals: summary.totals,
      sample: summary.sample,
      expiresAt: stored.expiresAt,
    };
  }

  /**
   * Creates the draft budget of a clean preview with all its lines in one transaction: if
   * anything fails, nothing is left. A draft of the same year and stage is replaced (it was
   * never public); a published one stays until this draft is published.
   */
  async commit(slug: string, importId: string): Promise<BudgetRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const imported = await this.budgets.findImport(commune.id, importId, { lock: true });
      if (!imported) throw new NotFoundError('budget-import.not-found', 'No such budget import in this commune.');
      this.access.authorize('create', 'Budget', { communeId: commune.id, state: 'draft' });
      if (imported.status === 'committed') {
        throw new ConflictError('budget-import.already-committed', 'This import was already committed: its budget exists.');
      }
      if (imported.status === 'expired' || imported.expired) {
        throw new DomainError(410, 'budget-import.expired', 'This preview has expired (or a newer import of the same budget was committed): import the file again.');
      }
      if (imported.errorCount > 0) {
        const first = imported.errors.slice(0, 5).map(describeImportError).join(' ; ');
        throw new BudgetImportRejectedError(
          'budget-import.has-errors',
          `The file has ${imported.errorCount} error(s): fix them and import it again. ${first}`,
          imported.errors,
        );
      }

      const replacedDraftId = await this.budgets.deleteDraft(commune.id, imported.fiscalYear, imported.stage);
      const budget = await this.budgets.insertDraftFromImport(commune.id, imported, this.requestContext.actor.userId);
      await this.budgets.markImportCommitted(commune.id, imported);
      await this.audit.record({
        communeId: commune.id,
        action: 'budget.imported',
        targetType: 'budget',
        targetId: budget.id,
        details: { importId, fiscalYear: budget.fiscalYear, stage: budget.stage, lineCount: budget.lineCount, replacedDraftId },
      });
      return budget;
    });
  }
}
