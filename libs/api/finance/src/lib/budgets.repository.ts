import { Injectable } from '@nestjs/common';
import type { BudgetDirection, BudgetSection, BudgetStage } from '@communes/shared-contracts';
import type { ImportError } from '@communes/api-imports';
import { TenantTransaction } from '@communes/api-database';
import { BUDGET_LINE_SEARCH_ID_SQL, BudgetLineKey } from './budget-line-id';
import type { BudgetTotals, PreviewLine } from './budget-preview';

export type BudgetState = 'draft' | 'published' | 'superseded';
export type BudgetImportStatus = 'previewed' | 'committed' | 'expired';

export interface BudgetRecord {
  id: string;
  communeId: string;
  fiscalYear: number;
  stage: BudgetStage;
  state: BudgetState;
  importId: string | null;
  sourceDocumentId: string | null;
  lineCount: number;
  totals: BudgetTotals;
  publishedAt: Date | null;
  supersededAt: Date | null;
  supersededBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BudgetLineRecord {
  lineNumber: number;
  section: BudgetSection;
  direction: BudgetDirection;
  code: string;
  label: string;
  /** Integer XOF as a string. */
  amount: string;
}

export interface BudgetImportRecord {
  id: string;
  communeId: string;
  fiscalYear: number;
  stage: BudgetStage;
  status: BudgetImportStatus;
  sourceDocumentId: string;
  sourceVersionId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  totalLines: number;
  validLines: number;
  errorCount: number;
  errors: ImportError[];
  createdAt: Date;
  expiresAt: Date;
  /** Past its expiry date (the status is only updated when another import is committed). */
  expired: boolean;
}

export interface SearchableBudgetLine extends BudgetLineRecord {
  budgetId: string;
  fiscalYear: number;
  stage: BudgetStage;
  publishedAt: Date;
}

export interface ExportedBudgetLine extends BudgetLineRecord {
  budgetId: string;
  fiscalYear: number;
  stage: BudgetStage;
}

/** How long a preview may wait for its commit. */
export const PREVIEW_LIFETIME = '7 days';

const BUDGET_COLUMNS = `b.id, b.commune_id as "communeId", b.fiscal_year as "fiscalYear", b.stage, b.state,
  b.import_id as "importId", b.source_document_id as "sourceDocumentId", b.line_count as "lineCount",
  json_build_object(
    'fonctionnement', json_build_object('recette', b.fonctionnement_recette::text, 'depense', b.fonctionnement_depense::text),
    'investissement', json_build_object('recette', b.investissement_recette::text, 'depense', b.investissement_depense::text)
  ) as totals,
  b.published_at as "publishedAt", b.superseded_at as "supersededAt", b.superseded_by as "supersededBy",
  b.created_at as "createdAt", b.updated_at as "updatedAt"`;
const LINE_COLUMNS = `l.line_number as "lineNumber", l.section, l.direction, l.code, l.label, l.amount::text as amount`;
const IMPORT_COLUMNS = `i.id, i.commune_id as "communeId", i.fiscal_year as "fiscalYear", i.stage, i.status,
  i.source_document_id as "sourceDocumentId", i.source_version_id as "sourceVersionId", i.file_name as "fileName",
  i.format, i.total_lines as "totalLines", i.valid_lines as "validLines", i.error_count as "errorCount", i.errors,
  i.created_at as "createdAt", i.created_at + interval '${PREVIEW_LIFETIME}' as "expiresAt",
  i.created_at + interval '${PREVIEW_LIFETIME}' < now() as expired`;

/**
 * Budgets, their lines and import previews. RLS decides what the transaction's scope may see
 * (drafts and previews for the commune's staff only); every query also names the commune, first.
 */
@Injectable()
export class BudgetsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, filter: { fiscalYear?: number; stage?: BudgetStage; includeDrafts: boolean }): Promise<BudgetRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<BudgetRecord>(
      `select ${BUDGET_COLUMNS} from budgets b
       where b.commune_id = $1
         and ($2::smallint is null or b.fiscal_year = $2)
         and ($3::budget_stage is null or b.stage = $3)
         and ($4::boolean or b.state <> 'draft')
       order by b.fiscal_year desc, b.stage, coalesce(b.published_at, b.created_at) desc
       limit 500`,
      [communeId, filter.fiscalYear ?? null, filter.stage ?? null, filter.includeDrafts],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<BudgetRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<BudgetRecord>(
      `select ${BUDGET_COLUMNS} from budgets b where b.commune_id = $1 and b.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async findPublished(communeId: string, fiscalYear: number, stage: BudgetStage): Promise<BudgetRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<BudgetRecord>(
      `select ${BUDGET_COLUMNS} from budgets b
       where b.commune_id = $1 and b.fiscal_year = $2 and b.stage = $3 and b.state = 'published' for update`,
      [communeId, fiscalYear, stage],
    );
    return rows[0] ?? null;
  }

  lines(communeId: string, budgetId: string, page: { offset: number; limit: number }): Promise<BudgetLineRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<BudgetLineRecord>(
      `select ${LINE_COLUMNS} from budget_lines l
       where l.commune_id = $1 and l.budget_id = $2 order by l.line_number offset $3 limit $4`,
      [communeId, budgetId, page.offset, page.limit],
    );
  }

  async insertImport(
    communeId: string,
    input: {
      fiscalYear: number;
      stage: BudgetStage;
      sourceDocumentId: string;
      sourceVersionId: string;
      fileName: string;
      format: 'csv' | 'xlsx';
      totalLines: number;
      errorCount: number;
      errors: readonly ImportError[];
      lines: readonly PreviewLine[];
      createdBy: string | null;
    },
  ): Promise<BudgetImportRecord> {
    this.tx.assertCommune(communeId);
    // The valid lines travel as one JSON parameter (compact arrays), whatever their number.
    const lines = JSON.stringify(input.lines.map((l) => [l.line, l.section, l.direction, l.code, l.label, l.amount]));
    const rows = await this.tx.query<BudgetImportRecord>(
      `insert into budget_imports as i (commune_id, fiscal_year, stage, source_document_id, source_version_id, file_name,
                                        format, total_lines, valid_lines, error_count, errors, lines, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13)
       returning ${IMPORT_COLUMNS}`,
      [
        communeId,
        input.fiscalYear,
        input.stage,
        input.sourceDocumentId,
        input.sourceVersionId,
        input.fileName,
        input.format,
        input.totalLines,
        input.lines.length,
        input.errorCount,
        JSON.stringify(input.errors),
        lines,
        input.createdBy,
      ],
    );
    return rows[0];
  }

  async findImport(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<BudgetImportRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<BudgetImportRecord>(
      `select ${IMPORT_COLUMNS} from budget_imports i where i.commune_id = $1 and i.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  /** Removes the draft of this year and stage, if any (its lines go with it); returns its id. */
  async deleteDraft(communeId: string, fiscalYear: number, stage: BudgetStage): Promise<string | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(
      `delete from budgets where commune_id = $1 and fiscal_year = $2 and stage = $3 and state = 'draft' returning id`,
      [communeId, fiscalYear, stage],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Creates the draft budget of an import with all its lines: one insert of the budget, one
   * insert … select of every line from the preview (50,000 lines are one statement), then the
   * totals computed from the lines actually stored.
   */
  async insertDraftFromImport(communeId: string, imported: BudgetImportRecord, createdBy: string | null): Promise<BudgetRecord> {
    this.tx.assertCommune(communeId);
    const [{ id }] = await this.tx.query<{ id: string }>(
      `insert into budgets (commune_id, fiscal_year, stage, import_id, source_document_id, created_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [communeId, imported.fiscalYear, imported.stage, imported.id, imported.sourceDocumentId, createdBy],
    );
    await this.tx.query(
      `insert into budget_lines (commune_id, budget_id, line_number, section, direction, code, label, amount)
       select $1, $2, (e->>0)::integer, (e->>1)::budget_section, (e->>2)::budget_direction, e->>3, e->>4, (e->>5)::bigint
       from budget_imports i cross join lateral jsonb_array_elements(i.lines) e
       where i.commune_id = $1 and i.id = $3`,
      [communeId, id, imported.id],
    );
    return this.refreshTotals(communeId, id);
  }

  /** Line count and totals per section × direction, from the stored lines (drafts only). */
  async refreshTotals(communeId: string, budgetId: string): Promise<BudgetRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<BudgetRecord>(
      `update budgets b set
         line_count = t.n,
         fonctionnement_recette = t.fr, fonctionnement_depense = t.fd,
         investissement_recette = t.ir, investissement_depense = t.id,
         updated_at = now()
       from (
         select count(*)::integer as n,
                coalesce(sum(amount) filter (where section = 'fonctionnement' and direction = 'recette'), 0)::bigint as fr,
                coalesce(sum(amount) filter (where section = 'fonctionnement' and direction = 'depense'), 0)::bigint as fd,
                coalesce(sum(amount) filter (where section = 'investissement' and direction = 'recette'), 0)::bigint as ir,
                coalesce(sum(amount) filter (where section = 'investissement' and direction = 'depense'), 0)::bigint as id
         from budget_lines where commune_id = $1 and budget_id = $2
       ) t
       where b.commune_id = $1 and b.id = $2 and b.state = 'draft'
       returning ${BUDGET_COLUMNS}`,
      [communeId, budgetId],
    );
    return rows[0];
  }

  /** The import is done: its lines now live in the budget, and older previews of the same year and stage may no longer overwrite it. */
  async markImportCommitted(communeId: string, imported: BudgetImportRecord): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update budget_imports set status = 'committed', committed_at = now(), lines = null
       where commune_id = $1 and id = $2`,
      [communeId, imported.id],
    );
    await this.tx.query(
      `update budget_imports set status = 'expired', lines = null
       where commune_id = $1 and fiscal_year = $2 and stage = $3 and status = 'previewed'
         and created_at < (select created_at from budget_imports where commune_id = $1 and id = $4)`,
      [communeId, imported.fiscalYear, imported.stage, imported.id],
    );
  }

  async markPublished(communeId: string, id: string): Promise<BudgetRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<BudgetRecord>(
      `update budgets b set state = 'published', published_at = now(), updated_at = now()
       where b.commune_id = $1 and b.id = $2 and b.state = 'draft' returning ${BUDGET_COLUMNS}`,
      [communeId, id],
    );
    return rows[0];
  }

  async markSuperseded(communeId: string, id: string, by: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update budgets set state = 'superseded', superseded_at = now(), superseded_by = $3, updated_at = now()
       where commune_id = $1 and id = $2 and state = 'published' returning id`,
      [communeId, id, by],
    );
  }

  /** One outbox row per line of the budget, in one statement (same transaction as the change). */
  async enqueueLinesForSearch(communeId: string, budgetId: string): Promise<number> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ n: number }>(
      `with queued as (
         insert into search_outbox (commune_id, record_id)
         select l.commune_id, ${BUDGET_LINE_SEARCH_ID_SQL} from budget_lines l where l.commune_id = $1 and l.budget_id = $2
         returning 1
       ) select count(*)::integer as n from queued`,
      [communeId, budgetId],
    );
    return rows[0].n;
  }

  /** What the search index holds for these lines: only lines of the currently published budgets. */
  searchableLines(communeId: string, keys: readonly BudgetLineKey[]): Promise<SearchableBudgetLine[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<SearchableBudgetLine>(
      `select ${LINE_COLUMNS}, l.budget_id as "budgetId", b.fiscal_year as "fiscalYear", b.stage, b.published_at as "publishedAt"
       from unnest($2::uuid[], $3::integer[]) as k(budget_id, line_number)
       join budget_lines l on l.commune_id = $1 and l.budget_id = k.budget_id and l.line_number = k.line_number
       join budgets b on b.commune_id = l.commune_id and b.id = l.budget_id
       where b.state = 'published'`,
      [communeId, keys.map((k) => k.budgetId), keys.map((k) => k.lineNumber)],
    );
  }

  /** Every line of the published budgets of a commune, for rebuilding the index. */
  async publishedLineKeys(communeId: string): Promise<BudgetLineKey[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<BudgetLineKey>(
      `select l.budget_id as "budgetId", l.line_number as "lineNumber"
       from budget_lines l join budgets b on b.commune_id = l.commune_id and b.id = l.budget_id
       where l.commune_id = $1 and b.state = 'published' order by l.budget_id, l.line_number`,
      [communeId],
    );
  }

  /** Lines of the published budgets (superseded ones excluded), for the open-data export. */
  publishedLines(communeId: string): Promise<ExportedBudgetLine[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ExportedBudgetLine>(
      `select ${LINE_COLUMNS}, b.id as "budgetId", b.fiscal_year as "fiscalYear", b.stage
       from budgets b join budget_lines l on l.commune_id = b.commune_id and l.budget_id = b.id
       where b.commune_id = $1 and b.state = 'published'
       order by b.fiscal_year desc, b.stage, l.line_number`,
      [communeId],
    );
  }
}
