import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { ModeratedContentKind, ReportReason } from '@communes/shared-contracts';

/** What the reports say about one content. */
export interface ReportStats {
  kind: ModeratedContentKind;
  contentId: string;
  reportCount: number;
  openReportCount: number;
  reasons: ReportReason[];
  /** The latest details written by reporters (at most 5). */
  details: string[];
  firstReportedAt: Date;
  lastReportedAt: Date;
  /** When the last report was handled (null while all are open). */
  handledAt: Date | null;
}

const STATS = `r.content_kind as kind, r.content_id as "contentId", count(*)::int as "reportCount",
  (count(*) filter (where r.status = 'open'))::int as "openReportCount",
  array_agg(distinct r.reason) as reasons,
  coalesce((array_agg(r.details order by r.created_at desc) filter (where r.details is not null))[1:5], '{}') as details,
  min(r.created_at) as "firstReportedAt", max(r.created_at) as "lastReportedAt", max(r.handled_at) as "handledAt"`;

/** Reports of one commune; RLS: the staff read and handle them, a reporter inserts (and reads) its own. */
@Injectable()
export class ModerationRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * A new open report. For an account, null when it already has an open report on this
   * content. An anonymous report is not read back (no policy lets it), hence no `returning`.
   */
  async insertReport(communeId: string, report: { kind: ModeratedContentKind; contentId: string; reporterId: string | null; reason: ReportReason; details: string | null }): Promise<string | null> {
    this.tx.assertCommune(communeId);
    const values = [communeId, report.kind, report.contentId, report.reporterId, report.reason, report.details];
    if (report.reporterId === null) {
      const [row] = await this.tx.query<{ id: string }>(`select gen_random_uuid() as id`);
      await this.tx.query(
        `insert into moderation_reports (commune_id, content_kind, content_id, reporter_id, reason, details, id) values ($1, $2, $3, $4, $5, $6, $7)`,
        [...values, row.id],
      );
      return row.id;
    }
    const rows = await this.tx.query<{ id: string }>(
      `insert into moderation_reports (commune_id, content_kind, content_id, reporter_id, reason, details) values ($1, $2, $3, $4, $5, $6)
       on conflict (commune_id, content_kind, content_id, reporter_id) where status = 'open' and reporter_id is not null do nothing
       returning id`,
      values,
    );
    return rows[0]?.id ?? null;
  }

  /** Reported contents, grouped, latest report first: with open reports, or all handled. */
  async groups(communeId: string, filter: { state: 'open' | 'handled'; kind: ModeratedContentKind | null; limit: number; offset: number }): Promise<{ items: ReportStats[]; total: number }> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<ReportStats & { total: number }>(
      `select ${STATS}, count(*) over ()::int as total
       from moderation_reports r
       where r.commune_id = $1 and ($2::text is null or r.content_kind = $2)
       group by r.content_kind, r.content_id
       having bool_or(r.status = 'open') = ($3::text = 'open')
       order by max(r.created_at) desc, r.content_id
       limit $4 offset $5`,
      [communeId, filter.kind, filter.state, filter.limit, filter.offset],
    );
    const total = rows[0]?.total ?? 0;
    for (const row of rows) delete (row as Partial<typeof row>).total;
    return { items: rows, total };
  }

  /** The report figures of the given contents (contents never reported are left out). */
  async stats(communeId: string, contents: readonly { kind: ModeratedContentKind; id: string }[]): Promise<ReportStats[]> {
    this.tx.assertCommune(communeId);
    if (contents.length === 0) return [];
    return this.tx.query<ReportStats>(
      `select ${STATS} from moderation_reports r
       where r.commune_id = $1 and (r.content_kind, r.content_id) in (select * from unnest($2::text[], $3::uuid[]))
       group by r.content_kind, r.content_id`,
      [communeId, contents.map((c) => c.kind), contents.map((c) => c.id)],
    );
  }

  /** Closes the open reports of one content (upheld: hidden; dismissed: unfounded); how many. */
  async closeOpenReports(communeId: string, kind: ModeratedContentKind, contentId: string, status: 'upheld' | 'dismissed', handledBy: string | null): Promise<number> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update moderation_reports set status = $4, handled_at = now(), handled_by = $5
       where commune_id = $1 and content_kind = $2 and content_id = $3 and status = 'open' returning id`,
      [communeId, kind, contentId, status, handledBy],
    );
    return rows.length;
  }
}
