import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { GoodPracticeReviewAction, GoodPracticeStatus, GoodPracticeTheme } from '@communes/shared-contracts';

export interface GoodPracticeSummaryRecord {
  id: string;
  communeId: string;
  communeSlug: string;
  communeName: string;
  department: string;
  title: string;
  summary: string;
  theme: GoodPracticeTheme;
  status: GoodPracticeStatus;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface GoodPracticeRecord extends GoodPracticeSummaryRecord {
  body: string;
  results: string;
  contactRole: string;
  contactDetails: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  submittedBy: string | null;
}

export interface GoodPracticeDocumentRecord {
  id: string;
  title: string;
  category: string;
  fiscalYear: number | null;
  state: 'published' | 'withdrawn' | 'draft';
  publishedAt: Date | null;
}

export interface GoodPracticeReviewRecord {
  id: string;
  action: GoodPracticeReviewAction;
  comment: string | null;
  createdAt: Date;
}

export interface GoodPracticeFields {
  title: string;
  summary: string;
  body: string;
  theme: GoodPracticeTheme;
  results: string;
  contactRole: string;
  contactDetails: string | null;
}

export interface LibraryFilters {
  q: string | null;
  theme: GoodPracticeTheme | null;
  department: string | null;
  commune: string | null;
  year: number | null;
  limit: number;
  offset: number;
}

export interface LibraryPage {
  total: number;
  items: GoodPracticeSummaryRecord[];
  themes: { theme: GoodPracticeTheme; count: number }[];
  departments: { department: string; count: number }[];
  /** Communes with published practices for the other filters (the commune filter left out). */
  communes: { slug: string; name: string; count: number }[];
  years: { year: number; count: number }[];
}

const SUMMARY_COLUMNS = `p.id, p.commune_id as "communeId", c.slug as "communeSlug", c.name as "communeName", c.department,
  p.title, p.summary, p.theme, p.status, p.submitted_at as "submittedAt", p.published_at as "publishedAt", p.updated_at as "updatedAt"`;

const COLUMNS = `${SUMMARY_COLUMNS}, p.body, p.results, p.contact_role as "contactRole", p.contact_details as "contactDetails",
  p.reviewed_at as "reviewedAt", p.created_at as "createdAt", p.submitted_by as "submittedBy"`;

/**
 * Good practices, their linked documents and review history. Commune-scoped methods take the
 * commune first; `library` and `findPublished` run in the `monitoring` scope (published
 * practices of every commune), `queue` in the `platform` scope without a commune (ANCB).
 */
@Injectable()
export class GoodPracticesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, statuses: readonly GoodPracticeStatus[]): Promise<GoodPracticeSummaryRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<GoodPracticeSummaryRecord>(
      `select ${SUMMARY_COLUMNS} from good_practices p join communes c on c.id = p.commune_id
       where p.commune_id = $1 and p.status = any($2::text[]) order by p.updated_at desc limit 500`,
      [communeId, statuses],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<GoodPracticeRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<GoodPracticeRecord>(
      `select ${COLUMNS} from good_practices p join communes c on c.id = p.commune_id
       where p.commune_id = $1 and p.id = $2 ${options.lock ? 'for update of p' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, fields: GoodPracticeFields, createdBy: string | null): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into good_practices (commune_id, title, summary, body, theme, results, contact_role, contact_details, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [communeId, fields.title, fields.summary, fields.body, fields.theme, fields.results, fields.contactRole, fields.contactDetails, createdBy],
    );
    return row.id;
  }

  async update(communeId: string, id: string, fields: GoodPracticeFields): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update good_practices set title = $3, summary = $4, body = $5, theme = $6, results = $7, contact_role = $8, contact_details = $9,
         updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, fields.title, fields.summary, fields.body, fields.theme, fields.results, fields.contactRole, fields.contactDetails],
    );
  }

  async delete(communeId: string, id: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`delete from good_practices where commune_id = $1 and id = $2`, [communeId, id]);
  }

  /** Moves the practice to a new status and stamps the matching date. */
  async setStatus(communeId: string, id: string, status: GoodPracticeStatus, by: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update good_practices set status = $3,
         submitted_at = case when $3 = 'submitted' then now() else submitted_at end,
         submitted_by = case when $3 = 'submitted' then $4::uuid else submitted_by end,
         published_at = case when $3 = 'published' then now() else published_at end,
         reviewed_at = case when $3 in ('published', 'changes_requested', 'rejected', 'unpublished') then now() else reviewed_at end,
         updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, status, by],
    );
  }

  documents(communeId: string, practiceId: string): Promise<GoodPracticeDocumentRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<GoodPracticeDocumentRecord>(
      `select d.id, d.title, d.category::text as category, d.fiscal_year as "fiscalYear", d.state::text as state, d.published_at as "publishedAt"
       from good_practice_documents l join documents d on d.commune_id = l.commune_id and d.id = l.document_id
       where l.commune_id = $1 and l.practice_id = $2 order by l.position`,
      [communeId, practiceId],
    );
  }

  /** Of these ids, the documents of the commune that are published. */
  async publishedDocumentIds(communeId: string, ids: readonly string[]): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(
      `select id from documents where commune_id = $1 and id = any($2::uuid[]) and state = 'published'`,
      [communeId, ids],
    );
    return rows.map((row) => row.id);
  }

  async replaceDocuments(communeId: string, practiceId: string, documentIds: readonly string[]): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`delete from good_practice_documents where commune_id = $1 and practice_id = $2`, [communeId, practiceId]);
    if (documentIds.length === 0) return;
    await this.tx.query(
      `insert into good_practice_documents (commune_id, practice_id, document_id, position)
       select $1, $2, document_id, (ordinality - 1)::smallint from unnest($3::uuid[]) with ordinality as t(document_id, ordinality)`,
      [communeId, practiceId, documentIds],
    );
  }

  reviews(communeId: string, practiceId: string): Promise<GoodPracticeReviewRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<GoodPracticeReviewRecord>(
      `select id, action, comment, created_at as "createdAt" from good_practice_reviews
       where commune_id = $1 and practice_id = $2 order by created_at, id`,
      [communeId, practiceId],
    );
  }

  async insertReview(communeId: string, practiceId: string, action: GoodPracticeReviewAction, comment: string | null, actorId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `insert into good_practice_reviews (commune_id, practice_id, action, comment, actor_id) values ($1, $2, $3, $4, $5)`,
      [communeId, practiceId, action, comment, actorId],
    );
  }

  /** Published practices, for the search index. */
  searchable(communeId: string, ids: readonly string[] | null): Promise<GoodPracticeRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<GoodPracticeRecord>(
      `select ${COLUMNS} from good_practices p join communes c on c.id = p.commune_id
       where p.commune_id = $1 and p.status = 'published' and ($2::uuid[] is null or p.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }

  /** The national library: published practices of every commune (monitoring scope). */
  async library(filters: LibraryFilters): Promise<LibraryPage> {
    // $1 q, $2 department, $3 commune slug, $4 year; the theme ($5) is left out of the theme facet.
    // The words may name the commune or its department too ("assainissement Cotonou"): the library
    // is small (published practices only), so the combined vector is computed on the fly.
    const base = `from good_practices p join communes c on c.id = p.commune_id
      cross join lateral (select websearch_to_tsquery('public.french_unaccent', coalesce($1::text, '')) as query,
        p.search_vector || setweight(to_tsvector('public.french_unaccent', c.name || ' ' || c.department), 'D') as vector) s
      where p.status = 'published'
        and ($1::text is null or numnode(s.query) = 0 or s.vector @@ s.query)
        and ($2::text is null or c.department = $2) and ($3::text is null or c.slug = $3)
        and ($4::int is null or extract(year from p.published_at)::int = $4)`;
    const params = [filters.q, filters.department, filters.commune, filters.year];
    const items = await this.tx.query<GoodPracticeSummaryRecord & { total: number }>(
      `select ${SUMMARY_COLUMNS}, count(*) over ()::int as total ${base} and ($5::text is null or p.theme = $5)
       order by case when $1::text is null then 0 else ts_rank(s.vector, s.query) end desc, p.published_at desc, p.id
       limit $6 offset $7`,
      [...params, filters.theme, filters.limit, filters.offset],
    );
    const themes = await this.tx.query<{ theme: GoodPracticeTheme; count: number }>(
      `select p.theme, count(*)::int as count ${base} group by p.theme order by count desc, p.theme`,
      params,
    );
    const departments = await this.tx.query<{ department: string; count: number }>(
      `select c.department, count(*)::int as count ${base} and ($5::text is null or p.theme = $5) group by c.department order by c.department`,
      [...params, filters.theme],
    );
    const years = await this.tx.query<{ year: number; count: number }>(
      `select extract(year from p.published_at)::int as year, count(*)::int as count ${base} and ($5::text is null or p.theme = $5)
       group by 1 order by 1 desc`,
      [...params, filters.theme],
    );
    const communes = await this.tx.query<{ slug: string; name: string; count: number }>(
      `select c.slug, c.name, count(*)::int as count ${base} and ($5::text is null or p.theme = $5) group by c.slug, c.name order by c.name`,
      [filters.q, filters.department, null, filters.year, filters.theme],
    );
    let total = items[0]?.total ?? 0;
    if (items.length === 0 && filters.offset > 0) {
      const [row] = await this.tx.query<{ total: number }>(`select count(*)::int as total ${base} and ($5::text is null or p.theme = $5)`, [...params, filters.theme]);
      total = row.total;
    }
    const page = items.map((row) => {
      const item: GoodPracticeSummaryRecord & { total?: number } = { ...row };
      delete item.total;
      return item;
    });
    return { total, items: page, themes, departments, communes, years };
  }

  /** One published practice of any commune (monitoring scope). */
  async findPublished(id: string): Promise<GoodPracticeRecord | null> {
    const rows = await this.tx.query<GoodPracticeRecord>(
      `select ${COLUMNS} from good_practices p join communes c on c.id = p.commune_id where p.id = $1 and p.status = 'published'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Linked documents of a published practice (monitoring scope: published documents only). */
  publishedDocuments(communeId: string, practiceId: string): Promise<GoodPracticeDocumentRecord[]> {
    return this.tx.query<GoodPracticeDocumentRecord>(
      `select d.id, d.title, d.category::text as category, d.fiscal_year as "fiscalYear", d.state::text as state, d.published_at as "publishedAt"
       from good_practice_documents l join documents d on d.commune_id = l.commune_id and d.id = l.document_id
       where l.commune_id = $1 and l.practice_id = $2 and d.state = 'published' order by l.position`,
      [communeId, practiceId],
    );
  }

  /** ANCB's review queue across communes (platform scope, no commune): oldest submission first. */
  queue(statuses: readonly GoodPracticeStatus[]): Promise<GoodPracticeSummaryRecord[]> {
    return this.tx.query<GoodPracticeSummaryRecord>(
      `select ${SUMMARY_COLUMNS} from good_practices p join communes c on c.id = p.commune_id
       where p.status = any($1::text[]) order by p.submitted_at, p.id limit 500`,
      [statuses],
    );
  }
}
