import { Injectable } from '@nestjs/common';
import type { ContractInput, ContractStatus, DocumentCategory, DocumentState, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';
import type { ImportError, ImportRow } from '@communes/api-imports';

export type ContractState = 'draft' | 'published';

export interface ContractRecord extends ContractInput {
  id: string;
  communeId: string;
  state: ContractState;
  publishedAt: Date | null;
  importId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A document linked to a contract, as the caller may see it (RLS filters drafts for the public). */
export interface LinkedDocument {
  id: string;
  title: string;
  category: DocumentCategory;
  state: DocumentState;
}

/** A published document of a published contract, with its latest published version (OCDS). */
export interface OpenDataDocument {
  contractId: string;
  id: string;
  title: string;
  versionId: string;
  mediaType: string;
  publishedAt: Date;
}

export interface ContractImportRecord {
  id: string;
  communeId: string;
  sourceDocumentId: string;
  fileName: string;
  status: 'previewed' | 'committed';
  totalLines: number;
  validLines: number;
  errors: ImportError[];
  rows: ImportRow<ContractInput>[];
  createdAt: Date;
  committedAt: Date | null;
}

export const CONTRACT_SORTS = ['-awardDate', 'awardDate', '-amount', 'amount', 'reference'] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];

export interface ContractFilter {
  includeDrafts: boolean;
  state?: ContractState;
  status?: ContractStatus;
  category?: ProcurementCategory;
  procurementMethod?: ProcurementMethod;
  year?: number;
  /** Part of the awardee's name; accents and case are ignored. */
  awardee?: string;
  amountMin?: string;
  amountMax?: string;
}

// Dates as text: node-pg would turn a `date` into a local-time Date and shift it by the time zone.
const COLUMNS = `c.id, c.commune_id as "communeId", c.reference, c.object, c.procurement_method as "procurementMethod",
  c.category, c.awardee_name as "awardeeName", c.awardee_identifier as "awardeeIdentifier", c.amount::text as amount,
  to_char(c.award_date, 'YYYY-MM-DD') as "awardDate", to_char(c.start_date, 'YYYY-MM-DD') as "startDate",
  to_char(c.end_date, 'YYYY-MM-DD') as "endDate", c.status, c.funding_source as "fundingSource", c.state,
  c.published_at as "publishedAt", c.import_id as "importId", c.created_at as "createdAt", c.updated_at as "updatedAt"`;

const IMPORT_COLUMNS = `i.id, i.commune_id as "communeId", i.source_document_id as "sourceDocumentId", i.file_name as "fileName",
  i.status, i.total_lines as "totalLines", i.valid_lines as "validLines", i.errors, i.rows, i.created_at as "createdAt",
  i.committed_at as "committedAt"`;

/** Constant SQL per sort key: the caller's value only ever selects one of these. */
const ORDER_BY: Readonly<Record<ContractSort, string>> = {
  '-awardDate': 'c.award_date desc, c.reference',
  awardDate: 'c.award_date asc, c.reference',
  '-amount': 'c.amount desc, c.reference',
  amount: 'c.amount asc, c.reference',
  reference: 'upper(c.reference)',
};

// The list's filters, $1 to $10 (see filterParameters).
const FILTER_SQL = `c.commune_id = $1
  and ($2::boolean or c.state = 'published')
  and ($3::contract_state is null or c.state = $3)
  and ($4::contract_status is null or c.status = $4)
  and ($5::procurement_category is null or c.category = $5)
  and ($6::procurement_method is null or c.procurement_method = $6)
  and ($7::int is null or (c.award_date >= make_date($7::int, 1, 1) and c.award_date < make_date($7::int + 1, 1, 1)))
  and ($8::text is null or lower(immutable_unaccent(c.awardee_name)) like '%' || lower(immutable_unaccent($8::text)) || '%' escape '\\')
  and ($9::bigint is null or c.amount >= $9::bigint)
  and ($10::bigint is null or c.amount <= $10::bigint)`;

// Rows given as one JSON array, so that a whole import is one statement (all or nothing).
const ROWS_FROM_JSON = `jsonb_to_recordset($2::jsonb) as r(reference text, object text, "procurementMethod" procurement_method,
  category procurement_category, "awardeeName" text, "awardeeIdentifier" text, amount bigint, "awardDate" date,
  "startDate" date, "endDate" date, status contract_status, "fundingSource" text)`;

/**
 * Contracts awarded, their linked documents and import previews. RLS decides what the
 * transaction's scope may see (drafts and previews for the commune's staff only); every query
 * also names the commune, first.
 */
@Injectable()
export class ContractsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async list(communeId: string, filter: ContractFilter, page: { sort: ContractSort; limit: number; offset: number }): Promise<{ items: ContractRecord[]; total: number }> {
    this.tx.assertCommune(communeId);
    const parameters = filterParameters(communeId, filter);
    const items = await this.tx.query<ContractRecord>(
      `select ${COLUMNS} from contracts c where ${FILTER_SQL} order by ${ORDER_BY[page.sort]}, c.id limit $11 offset $12`,
      [...parameters, page.limit, page.offset],
    );
    const count = await this.tx.query<{ total: number }>(`select count(*)::int as total from contracts c where ${FILTER_SQL}`, parameters);
    return { items, total: count[0].total };
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<ContractRecord | null> {
    return (await this.findMany(communeId, [id], options))[0] ?? null;
  }

  findMany(communeId: string, ids: readonly string[], options: { lock?: boolean } = {}): Promise<ContractRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ContractRecord>(
      `select ${COLUMNS} from contracts c where c.commune_id = $1 and c.id = any($2::uuid[])
       order by c.award_date desc, c.reference ${options.lock ? 'for update' : ''}`,
      [communeId, ids],
    );
  }

  /** The references among `references` that the commune already uses (compared as the unique index does). */
  async existingReferences(communeId: string, references: readonly string[]): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ reference: string }>(
      `select reference from contracts where commune_id = $1 and upper(reference) = any($2::text[]) order by reference`,
      [communeId, references.map((reference) => reference.toUpperCase())],
    );
    return rows.map((row) => row.reference);
  }

  /** Inserts drafts in one statement: either every row is stored or none. */
  insertDrafts(communeId: string, contracts: readonly ContractInput[], origin: { createdBy: string | null; importId: string | null }): Promise<ContractRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ContractRecord>(
      `insert into contracts as c (commune_id, reference, object, procurement_method, category, awardee_name, awardee_identifier,
                                   amount, award_date, start_date, end_date, status, funding_source, import_id, created_by)
       select $1, r.reference, r.object, r."procurementMethod", r.category, r."awardeeName", r."awardeeIdentifier",
              r.amount, r."awardDate", r."startDate", r."endDate", r.status, r."fundingSource", $3, $4
       from ${ROWS_FROM_JSON}
       returning ${COLUMNS}`,
      [communeId, JSON.stringify(contracts), origin.importId, origin.createdBy],
    );
  }

  async update(communeId: string, id: string, contract: ContractInput): Promise<ContractRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ContractRecord>(
      `update contracts as c set reference = r.reference, object = r.object, procurement_method = r."procurementMethod",
              category = r.category, awardee_name = r."awardeeName", awardee_identifier = r."awardeeIdentifier",
              amount = r.amount, award_date = r."awardDate", start_date = r."startDate", end_date = r."endDate",
              status = r.status, funding_source = r."fundingSource", updated_at = now()
       from ${ROWS_FROM_JSON}
       where c.commune_id = $1 and c.id = $3
       returning ${COLUMNS}`,
      [communeId, JSON.stringify([contract]), id],
    );
    return rows[0];
  }

  async setStatus(communeId: string, id: string, status: ContractStatus): Promise<ContractRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ContractRecord>(
      `update contracts c set status = $3, updated_at = now() where c.commune_id = $1 and c.id = $2 returning ${COLUMNS}`,
      [communeId, id, status],
    );
    return rows[0];
  }

  /** Publishes the drafts among `ids`; returns the ids it published. */
  async publish(communeId: string, ids: readonly string[]): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(
      `update contracts set state = 'published', published_at = now(), updated_at = now()
       where commune_id = $1 and id = any($2::uuid[]) and state = 'draft' returning id`,
      [communeId, ids],
    );
    return rows.map((row) => row.id);
  }

  /** Deletes a draft (its document links go with it; the database refuses a published contract). */
  async deleteDraft(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`delete from contracts where commune_id = $1 and id = $2 and state = 'draft' returning id`, [communeId, id]);
  }

  // ---- Linked documents -------------------------------------------------------------------

  linkedDocuments(communeId: string, contractId: string): Promise<LinkedDocument[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<LinkedDocument>(
      `select d.id, d.title, d.category, d.state from contract_documents cd
       join documents d on d.commune_id = cd.commune_id and d.id = cd.document_id
       where cd.commune_id = $1 and cd.contract_id = $2
       order by d.created_at, d.id`,
      [communeId, contractId],
    );
  }

  /** The ids among `documentIds` that are documents of this commune. */
  async existingDocumentIds(communeId: string, documentIds: readonly string[]): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(`select id from documents where commune_id = $1 and id = any($2::uuid[])`, [communeId, documentIds]);
    return rows.map((row) => row.id);
  }

  /** Replaces the contract's document links with `documentIds`. */
  async setDocuments(communeId: string, contractId: string, documentIds: readonly string[]): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`delete from contract_documents where commune_id = $1 and contract_id = $2 returning document_id`, [communeId, contractId]);
    await this.tx.query(
      `insert into contract_documents (commune_id, contract_id, document_id) select $1, $2, unnest($3::uuid[])`,
      [communeId, contractId, documentIds],
    );
  }

  // ---- Open data and search ---------------------------------------------------------------

  /** Published contracts, newest award first (the OCDS export reads them in the `public` scope). */
  published(communeId: string): Promise<ContractRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ContractRecord>(
      `select ${COLUMNS} from contracts c where c.commune_id = $1 and c.state = 'published' order by c.award_date desc, c.reference, c.id`,
      [communeId],
    );
  }

  /** Published documents linked to published contracts, each with its latest published version. */
  publishedDocuments(communeId: string): Promise<OpenDataDocument[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<OpenDataDocument>(
      `select cd.contract_id as "contractId", d.id, d.title, v.id as "versionId", v.media_type as "mediaType", v.published_at as "publishedAt"
       from contract_documents cd
       join contracts c on c.commune_id = cd.commune_id and c.id = cd.contract_id and c.state = 'published'
       join documents d on d.commune_id = cd.commune_id and d.id = cd.document_id and d.state = 'published'
       join lateral (
         select id, media_type, published_at from document_versions
         where commune_id = d.commune_id and document_id = d.id and published_at is not null
         order by version_number desc limit 1
       ) v on true
       where cd.commune_id = $1`,
      [communeId],
    );
  }

  /** What the search index holds: published contracts only. */
  searchable(communeId: string, ids: readonly string[]): Promise<ContractRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<ContractRecord>(
      `select ${COLUMNS} from contracts c where c.commune_id = $1 and c.id = any($2::uuid[]) and c.state = 'published'`,
      [communeId, ids],
    );
  }

  async publishedIds(communeId: string): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(`select id from contracts where commune_id = $1 and state = 'published'`, [communeId]);
    return rows.map((row) => row.id);
  }

  /** Asks the indexer to bring this record's search entry up to date (same transaction). */
  async enqueueSearchUpdate(communeId: string, recordIds: readonly string[]): Promise<void> {
    this.tx.assertCommune(communeId);
    if (recordIds.length === 0) return;
    await this.tx.query(`insert into search_outbox (commune_id, record_id) select $1, unnest($2::text[])`, [communeId, recordIds]);
  }

  // ---- Import previews --------------------------------------------------------------------

  async insertImport(
    communeId: string,
    input: { sourceDocumentId: string; fileName: string; totalLines: number; errors: ImportError[]; rows: ImportRow<ContractInput>[]; createdBy: string | null },
  ): Promise<ContractImportRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ContractImportRecord>(
      `insert into contract_imports as i (commune_id, source_document_id, file_name, total_lines, valid_lines, errors, rows, created_by)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8) returning ${IMPORT_COLUMNS}`,
      [communeId, input.sourceDocumentId, input.fileName, input.totalLines, input.rows.length, JSON.stringify(input.errors), JSON.stringify(input.rows), input.createdBy],
    );
    return rows[0];
  }

  async findImport(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<ContractImportRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ContractImportRecord>(
      `select ${IMPORT_COLUMNS} from contract_imports i where i.commune_id = $1 and i.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async markImportCommitted(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`update contract_imports set status = 'committed', committed_at = now() where commune_id = $1 and id = $2 returning id`, [communeId, id]);
  }
}

function filterParameters(communeId: string, filter: ContractFilter): unknown[] {
  return [
    communeId,
    filter.includeDrafts,
    filter.state ?? null,
    filter.status ?? null,
    filter.category ?? null,
    filter.procurementMethod ?? null,
    filter.year ?? null,
    filter.awardee ? escapeLike(filter.awardee) : null,
    filter.amountMin ?? null,
    filter.amountMax ?? null,
  ];
}

/** `%` and `_` typed by a visitor are letters to look for, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
