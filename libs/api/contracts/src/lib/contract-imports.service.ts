import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { ContractInput } from '@communes/shared-contracts';
import { AppConfig, ConflictError, DomainError, NotFoundError, RequestContext, UnprocessableError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess, CommuneRecord } from '@communes/api-communes';
import { DocumentsService, readUpload, UploadTooLargeError } from '@communes/api-documents';
import { ImportError, ImportRow, parseContractsFile } from '@communes/api-imports';
import { withRowChecks } from './contract-rules';
import { ContractsRepository } from './contracts.repository';
import { isReferenceConflict } from './contracts.service';

/** Largest list of contracts accepted: far above any commune's yearly list, small enough to parse in memory. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Lines shown back in the preview; the rest are counted. */
export const PREVIEW_SAMPLE_SIZE = 20;

export type PreviewLine = { line: number } & ContractInput;

export interface ImportPreview {
  importId: string;
  /** The uploaded file, kept as a draft document of the commune. */
  sourceDocumentId: string;
  totalLines: number;
  validLines: number;
  errors: ImportError[];
  sample: PreviewLine[];
}

export interface ImportCommit {
  importId: string;
  created: number;
  contractIds: string[];
}

/**
 * Imports a list of contracts awarded (CSV or XLSX) in two steps: a preview that parses the
 * file, keeps it as a draft document and reports every error by line; then a commit that
 * stores all its lines as drafts in one transaction, or none.
 */
@Injectable()
export class ContractImportsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly contracts: ContractsRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly config: AppConfig,
  ) {}

  async preview(slug: string, upload: { stream: Readable & { truncated?: boolean }; fileName: string }): Promise<ImportPreview> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'Contract', { communeId: commune.id, state: 'draft' });
    const maxBytes = Math.min(MAX_IMPORT_BYTES, this.config.MAX_UPLOAD_BYTES);
    const bytes = await readUpload(upload.stream, maxBytes).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) {
        throw new DomainError(413, 'contract.import-too-large', `The file is larger than the limit of ${Math.floor(maxBytes / (1024 * 1024))} MB for an import.`);
      }
      throw error;
    });

    const parsed = await parseContractsFile({ bytes, fileName: upload.fileName });
    if (parsed.format === 'unknown') {
      // Not a table at all (PDF, .xls, empty...): nothing to preview, nothing kept.
      throw new UnprocessableError('contract.import-unreadable', parsed.errors[0]?.message ?? 'Format de fichier non reconnu');
    }
    const { rows, errors } = withRowChecks(parsed.rows, parsed.errors);

    const sourceDocumentId = await this.keepSourceFile(slug, commune, bytes, upload.fileName, parsed.format, rows);
    const preview = await this.access.runIn(commune, async () => {
      const record = await this.contracts.insertImport(commune.id, {
        sourceDocumentId,
        fileName: upload.fileName.slice(0, 255) || 'import',
        totalLines: parsed.totalLines,
        errors,
        rows,
        createdBy: this.requestContext.actor.userId,
      });
      await this.audit.record({
        communeId: commune.id,
        action: 'contract.import-previewed',
        targetType: 'contract_import',
        targetId: record.id,
        details: { sourceDocumentId, totalLines: record.totalLines, validLines: record.validLines, errors: errors.length },
      });
      return record;
    });
    return {
      importId: preview.id,
      sourceDocumentId,
      totalLines: preview.totalLines,
      validLines: preview.validLines,
      errors,
      sample: rows.slice(0, PREVIEW_SAMPLE_SIZE).map((row) => ({ line: row.line, ...row.value })),
    };
  }

  async commit(slug: string, importId: string): Promise<ImportCommit> {
    const commune = await this.access.findBySlug(slug);
    try {
      return await this.access.runIn(commune, async () => {
        // The row lock makes two simultaneous commits of one import wait for each other.
        const preview = await this.contracts.findImport(commune.id, importId, { lock: true });
        if (!preview) throw new NotFoundError('contract.import-not-found', 'No such import in this commune.');
        this.access.authorize('create', 'Contract', { communeId: commune.id, state: 'draft' });
        if (preview.status === 'committed') throw new ConflictError('contract.import-committed', 'This import was already committed.');
        if (preview.errors.length > 0) {
          const first = preview.errors[0];
          throw new UnprocessableError(
            'contract.import-has-errors',
            `This file has ${preview.errors.length} error(s), e.g. line ${first.line}: ${first.message}. Fix the file and import it again; nothing was saved.`,
          );
        }
        if (preview.rows.length === 0) throw new UnprocessableError('contract.import-empty', 'This file has no contract to import.');

        const existing = await this.contracts.existingReferences(commune.id, preview.rows.map((row) => row.value.reference));
        if (existing.length > 0) throw referencesExist(existing, preview.rows);

        const created = await this.contracts.insertDrafts(commune.id, preview.rows.map((row) => row.value), {
          createdBy: this.requestContext.actor.userId,
          importId,
        });
        await this.contracts.markImportCommitted(commune.id, importId);
        await this.audit.record({
          communeId: commune.id,
          action: 'contract.import-committed',
          targetType: 'contract_import',
          targetId: importId,
          details: { created: created.length, sourceDocumentId: preview.sourceDocumentId },
        });
        return { importId, created: created.length, contractIds: created.map((contract) => contract.id) };
      });
    } catch (error) {
      // A contract with one of these references was created meanwhile: the whole commit rolled back.
      if (isReferenceConflict(error)) {
        throw new UnprocessableError('contract.reference-exists', 'A contract with one of these references was just created in this commune; nothing was saved. Commit again to see which.');
      }
      throw error;
    }
  }

  /**
   * Keeps the uploaded file as a draft document of the commune (category `autre`: a list of
   * contracts awarded is not a procurement plan), so that what was imported can always be traced
   * back to the file the staff sent.
   */
  private async keepSourceFile(slug: string, commune: CommuneRecord, bytes: Buffer, fileName: string, format: 'csv' | 'xlsx', rows: ImportRow<ContractInput>[]): Promise<string> {
    const years = new Set(rows.map((row) => Number(row.value.awardDate.slice(0, 4))));
    const document = await this.documents.create(slug, {
      category: 'autre',
      fiscalYear: years.size === 1 ? [...years][0] : undefined,
      title: `Import de marchés attribués — ${fileName}`.slice(0, 300),
      description: 'Fichier source d’un import de la liste des marchés attribués, conservé tel qu’il a été reçu.',
    });
    // The documents feature checks (type from the bytes) and stores the file like any upload.
    await this.documents.addVersion(slug, document.id, { stream: Readable.from(bytes), fileName: withExtension(fileName, format) });
    return document.id;
  }
}

function referencesExist(existing: string[], rows: ImportRow<ContractInput>[]): UnprocessableError {
  const taken = new Set(existing.map((reference) => reference.toUpperCase()));
  const lines = rows.filter((row) => taken.has(row.value.reference.toUpperCase())).map((row) => `${row.value.reference} (line ${row.line})`);
  return new UnprocessableError(
    'contract.reference-exists',
    `These references already exist in this commune: ${lines.join(', ')}. Nothing was saved: remove or rename these lines and import the file again.`,
  );
}

/** Keeps the name the staff gave the file, minus path parts, with the extension of its real format. */
function withExtension(fileName: string, extension: 'csv' | 'xlsx'): string {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"]/g, '').trim().slice(0, 200) || 'import';
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${extension}`;
}
