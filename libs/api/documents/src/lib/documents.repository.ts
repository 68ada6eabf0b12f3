import { Injectable } from '@nestjs/common';
import type { DocumentCategory, DocumentState } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface DocumentRecord {
  id: string;
  communeId: string;
  category: DocumentCategory;
  fiscalYear: number | null;
  title: string;
  description: string | null;
  state: DocumentState;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentVersionRecord {
  id: string;
  documentId: string;
  versionNumber: number;
  objectKey: string;
  fileName: string;
  mediaType: string;
  sizeBytes: string;
  sha256: string;
  pageCount: number | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export interface SearchableDocument {
  id: string;
  category: DocumentCategory;
  fiscalYear: number | null;
  title: string;
  description: string | null;
  publishedAt: Date;
  text: string | null;
  versionId: string | null;
}

const DOCUMENT_COLUMNS = `d.id, d.commune_id as "communeId", d.category, d.fiscal_year as "fiscalYear", d.title, d.description,
  d.state, d.published_at as "publishedAt", d.withdrawn_at as "withdrawnAt", d.withdrawal_reason as "withdrawalReason",
  d.created_at as "createdAt", d.updated_at as "updatedAt"`;
const VERSION_COLUMNS = `v.id, v.document_id as "documentId", v.version_number as "versionNumber", v.object_key as "objectKey",
  v.file_name as "fileName", v.media_type as "mediaType", v.size_bytes::text as "sizeBytes", v.sha256,
  v.page_count as "pageCount", v.published_at as "publishedAt", v.created_at as "createdAt"`;

/**
 * Documents and their versions. RLS decides what the transaction's scope may see (drafts for
 * the commune's staff only); every query also names the commune, first.
 */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, filter: { category?: DocumentCategory; fiscalYear?: number; includeDrafts: boolean }): Promise<DocumentRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<DocumentRecord>(
      `select ${DOCUMENT_COLUMNS} from documents d
       where d.commune_id = $1
         and ($2::document_category is null or d.category = $2)
         and ($3::smallint is null or d.fiscal_year = $3)
         and ($4::boolean or d.state <> 'draft')
       order by d.fiscal_year desc nulls last, coalesce(d.published_at, d.created_at) desc
       limit 500`,
      [communeId, filter.category ?? null, filter.fiscalYear ?? null, filter.includeDrafts],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<DocumentRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentRecord>(
      `select ${DOCUMENT_COLUMNS} from documents d where d.commune_id = $1 and d.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, input: { category: DocumentCategory; fiscalYear: number | null; title: string; description: string | null; createdBy: string | null }): Promise<DocumentRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentRecord>(
      `insert into documents as d (commune_id, category, fiscal_year, title, description, created_by)
       values ($1, $2, $3, $4, $5, $6) returning ${DOCUMENT_COLUMNS}`,
      [communeId, input.category, input.fiscalYear, input.title, input.description, input.createdBy],
    );
    return rows[0];
  }

  versions(communeId: string, documentId: string): Promise<DocumentVersionRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<DocumentVersionRecord>(
      `select ${VERSION_COLUMNS} from document_versions v
       where v.commune_id = $1 and v.document_id = $2 order by v.version_number desc`,
      [communeId, documentId],
    );
  }

  async findVersion(communeId: string, documentId: string, versionId: string): Promise<DocumentVersionRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentVersionRecord>(
      `select ${VERSION_COLUMNS} from document_versions v where v.commune_id = $1 and v.document_id = $2 and v.id = $3`,
      [communeId, documentId, versionId],
    );
    return rows[0] ?? null;
  }

  /** The caller holds the document's row lock, so version numbers cannot collide. */
  async insertVersion(communeId: string, input: { id: string; documentId: string; objectKey: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; textStatus: 'pending' | 'not_applicable'; uploadedBy: string | null }): Promise<DocumentVersionRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentVersionRecord>(
      `insert into document_versions as v (commune_id, id, document_id, version_number, object_key, file_name, media_type,
                                           size_bytes, sha256, text_status, uploaded_by)
       select $1, $2, $3, coalesce(max(version_number), 0) + 1, $4, $5, $6, $7, $8, $9, $10
       from document_versions where commune_id = $1 and document_id = $3
       returning ${VERSION_COLUMNS}`,
      [communeId, input.id, input.documentId, input.objectKey, input.fileName, input.mediaType, input.sizeBytes, input.sha256, input.textStatus, input.uploadedBy],
    );
    return rows[0];
  }

  /** Publishes every unpublished version of the document (normally the one just uploaded). */
  async publishPendingVersions(communeId: string, documentId: string): Promise<number> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update document_versions set published_at = now()
       where commune_id = $1 and document_id = $2 and published_at is null returning id`,
      [communeId, documentId],
    );
    return rows.length;
  }

  async markPublished(communeId: string, id: string): Promise<DocumentRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentRecord>(
      `update documents d set state = 'published', published_at = coalesce(published_at, now()), updated_at = now()
       where d.commune_id = $1 and d.id = $2 returning ${DOCUMENT_COLUMNS}`,
      [communeId, id],
    );
    return rows[0];
  }

  async markWithdrawn(communeId: string, id: string, reason: string): Promise<DocumentRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DocumentRecord>(
      `update documents d set state = 'withdrawn', withdrawn_at = now(), withdrawal_reason = $3, updated_at = now()
       where d.commune_id = $1 and d.id = $2 returning ${DOCUMENT_COLUMNS}`,
      [communeId, id, reason],
    );
    return rows[0];
  }

  /**
   * What the search index holds for published documents (withdrawn ones leave the index): title,
   * category, year and the extracted text of the latest published version.
   */
  searchable(communeId: string, documentIds: readonly string[]): Promise<SearchableDocument[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<SearchableDocument>(
      `select d.id, d.category, d.fiscal_year as "fiscalYear", d.title, d.description, d.published_at as "publishedAt",
              v.text_content as "text", v.id as "versionId"
       from documents d
       left join lateral (
         select id, text_content from document_versions
         where commune_id = d.commune_id and document_id = d.id and published_at is not null
         order by version_number desc limit 1
       ) v on true
       where d.commune_id = $1 and d.id = any($2::uuid[]) and d.state = 'published'`,
      [communeId, documentIds],
    );
  }

  /** Every published document id of a commune, for rebuilding the index. */
  async publishedIds(communeId: string): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(`select id from documents where commune_id = $1 and state = 'published'`, [communeId]);
    return rows.map((row) => row.id);
  }

  /** Asks the indexer to bring this record's search entry up to date (same transaction). */
  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
