import { Injectable } from '@nestjs/common';
import type { BudgetStage } from '@communes/shared-contracts';
import { AppConfig, ConflictError, NotFoundError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from '@communes/api-communes';
import { DocumentsRepository, documentSearchId } from '@communes/api-documents';
import { BudgetForExport, buildBudgetDataPackage, FiscalDataPackageDescriptor } from '@communes/api-open-data';
import { BudgetRecord, BudgetsRepository, BudgetState, ExportedBudgetLine } from './budgets.repository';
import type { BudgetWithLinesResponse } from './dto/budgets.dto';

/** CASL knows drafts and published budgets; a superseded budget is public like a published one. */
const caslState = (state: BudgetState): 'draft' | 'published' => (state === 'draft' ? 'draft' : 'published');

export const DEFAULT_LINES_PAGE_SIZE = 1000;

@Injectable()
export class BudgetsService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly budgets: BudgetsRepository,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Published and superseded budgets; drafts too for the commune's staff. */
  async list(slug: string, filter: { fiscalYear?: number; stage?: BudgetStage }): Promise<BudgetRecord[]> {
    const commune = await this.access.findBySlug(slug);
    const includeDrafts = this.access.scopeIn(commune.id) === 'staff';
    return this.access.runIn(commune, () => this.budgets.list(commune.id, { ...filter, includeDrafts }));
  }

  async get(slug: string, id: string, paging: { page?: number; pageSize?: number }): Promise<BudgetWithLinesResponse> {
    const commune = await this.access.findBySlug(slug);
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? DEFAULT_LINES_PAGE_SIZE;
    return this.access.runIn(commune, async () => {
      const budget = await this.requireBudget(commune.id, id);
      this.access.authorize('read', 'Budget', { communeId: commune.id, state: caslState(budget.state) });
      const lines = await this.budgets.lines(commune.id, id, { offset: (page - 1) * pageSize, limit: pageSize });
      return { ...budget, lines, page, pageSize };
    });
  }

  /**
   * Publishes a draft budget and its source document in one transaction. The budget published
   * before for the same year and stage, if any, becomes `superseded`: still readable, out of the
   * search index and the open data. The search outbox gets one row per line of both.
   */
  async publish(slug: string, id: string): Promise<BudgetRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const budget = await this.requireBudget(commune.id, id, { lock: true });
      this.access.authorize('publish', 'Budget', { communeId: commune.id, state: caslState(budget.state) });
      if (budget.state !== 'draft') {
        throw new ConflictError('budget.not-draft', `This budget is already ${budget.state}; import a corrected file to replace it.`);
      }

      // Superseded first: the unique index allows one published budget per year and stage.
      const previous = await this.budgets.findPublished(commune.id, budget.fiscalYear, budget.stage);
      if (previous) await this.budgets.markSuperseded(commune.id, previous.id, budget.id);
      const published = await this.budgets.markPublished(commune.id, budget.id);
      if (budget.sourceDocumentId) await this.publishSourceDocument(commune.id, budget.sourceDocumentId, budget.id);

      const queued = await this.budgets.enqueueLinesForSearch(commune.id, budget.id);
      if (previous) await this.budgets.enqueueLinesForSearch(commune.id, previous.id);
      await this.audit.record({
        communeId: commune.id,
        action: 'budget.published',
        targetType: 'budget',
        targetId: budget.id,
        details: { fiscalYear: budget.fiscalYear, stage: budget.stage, lineCount: budget.lineCount, linesQueuedForSearch: queued, supersededBudgetId: previous?.id ?? null },
      });
      return published;
    });
  }

  /**
   * The commune's published budgets as a Fiscal Data Package, read with the public's eyes
   * whoever asks. The descriptor's resource points to the CSV endpoint.
   */
  async dataPackage(slug: string): Promise<{ descriptor: FiscalDataPackageDescriptor; csv: string }> {
    const commune = await this.access.findBySlug(slug);
    const lines = await this.access.runIn(commune, () => this.budgets.publishedLines(commune.id), 'public');
    const { descriptor, csv } = buildBudgetDataPackage({
      commune: { id: commune.id, slug: commune.slug, name: commune.name, department: commune.department, country: commune.country },
      budgets: groupByBudget(lines),
    });
    const csvUrl = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/communes/${commune.slug}/budgets/budgets.csv`;
    return { descriptor: { ...descriptor, resources: descriptor.resources.map((resource) => ({ ...resource, path: csvUrl })) }, csv };
  }

  /** The source file is public with the budget: its pending versions are published, search told. */
  private async publishSourceDocument(communeId: string, documentId: string, budgetId: string): Promise<void> {
    const document = await this.documents.find(communeId, documentId, { lock: true });
    if (!document) throw new NotFoundError('document.not-found', 'The source document of this budget no longer exists.');
    this.access.authorize('publish', 'Document', { communeId, state: document.state });
    if (document.state === 'withdrawn') {
      throw new ConflictError('budget.source-withdrawn', 'The source document of this budget was withdrawn: import the file again.');
    }
    const versions = await this.documents.publishPendingVersions(communeId, documentId);
    if (versions === 0 && document.state === 'published') return;
    await this.documents.markPublished(communeId, documentId);
    await this.documents.enqueueSearchUpdate(communeId, documentSearchId(documentId));
    await this.audit.record({ communeId, action: 'document.published', targetType: 'document', targetId: documentId, details: { versionsPublished: versions, withBudget: budgetId } });
  }

  private async requireBudget(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<BudgetRecord> {
    const budget = await this.budgets.find(communeId, id, options);
    if (!budget) throw new NotFoundError('budget.not-found', 'No such budget in this commune.');
    return budget;
  }
}

/** Lines come ordered by budget; each budget keeps its year, stage and lines in order. */
function groupByBudget(lines: readonly ExportedBudgetLine[]): BudgetForExport[] {
  const budgets = new Map<string, { fiscalYear: number; stage: BudgetStage; lines: ExportedBudgetLine[] }>();
  for (const line of lines) {
    const budget = budgets.get(line.budgetId) ?? { fiscalYear: line.fiscalYear, stage: line.stage, lines: [] };
    budget.lines.push(line);
    budgets.set(line.budgetId, budget);
  }
  return [...budgets.values()];
}
