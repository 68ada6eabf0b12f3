import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { FeedbackCategory, FeedbackKind, FeedbackStatus, FeedbackVisibility } from '@communes/shared-contracts';

export interface FeedbackRecord {
  id: string;
  communeId: string;
  trackingNumber: string;
  kind: FeedbackKind;
  category: FeedbackCategory;
  text: string;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: FeedbackVisibility;
  status: FeedbackStatus;
  authorId: string | null;
  authorName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  answer: string | null;
  answeredAt: Date | null;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  supportCount: number;
  supportedByMe: boolean;
  /** Hidden by moderation (libs/api/moderation): shown as hidden to others, with the reason to its author and the staff. */
  hiddenAt: Date | null;
  hiddenReason: string | null;
  /** Its photos in the order added (feedback_photos, visible with the feedback), with the URL that serves each. */
  photos: FeedbackPhotoSummary[];
}

export interface FeedbackPhotoSummary {
  id: string;
  url: string;
  /** A small copy for lists (the full photo for photos stored before thumbnails existed). */
  thumbnailUrl: string;
  mediaType: string;
  width: number;
  height: number;
}

export interface NewFeedback {
  kind: FeedbackKind;
  category: FeedbackCategory;
  text: string;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: FeedbackVisibility;
}

export interface FeedbackFilter {
  status: FeedbackStatus | null;
  category: FeedbackCategory | null;
  kind: FeedbackKind | null;
  /** A member id, `none` (unassigned) or null (any). */
  assignee: string | null;
  /** Only this author's feedback. */
  authorId: string | null;
  /** Staff: hidden feedback too (others see only their own hidden feedback). */
  showHidden?: boolean;
  limit: number;
  offset: number;
}

// $viewer is always the last-but-one bound parameter name in each query below: the caller's id (or null).
const columns = (viewer: string) => `f.id, f.commune_id as "communeId", f.tracking_number as "trackingNumber", f.kind, f.category,
  f.text, f.place, f.latitude, f.longitude, f.visibility, f.status, f.author_id as "authorId", author.display_name as "authorName",
  f.assignee_id as "assigneeId", assignee.display_name as "assigneeName", f.answer, f.answered_at as "answeredAt",
  f.first_response_at as "firstResponseAt", f.closed_at as "closedAt", f.created_at as "createdAt", f.updated_at as "updatedAt", f.hidden_at as "hiddenAt", f.hidden_reason as "hiddenReason",
  (select count(*)::int from feedback_supports s where s.commune_id = f.commune_id and s.feedback_id = f.id) as "supportCount",
  exists (select 1 from feedback_supports s where s.commune_id = f.commune_id and s.feedback_id = f.id and s.user_id = ${viewer}::uuid) as "supportedByMe",
  coalesce((select json_agg(json_build_object('id', p.id, 'url', '/api/v1/communes/' || c.slug || '/feedback/' || f.id || '/photos/' || p.id,
      'thumbnailUrl', '/api/v1/communes/' || c.slug || '/feedback/' || f.id || '/photos/' || p.id || case when p.thumbnail_key is null then '' else '?size=small' end,
      'mediaType', p.media_type, 'width', p.width, 'height', p.height) order by p.position)
    from feedback_photos p join communes c on c.id = p.commune_id
    where p.commune_id = f.commune_id and p.feedback_id = f.id), '[]'::json) as photos`;

const JOINS = `left join users author on author.id = f.author_id left join users assignee on assignee.id = f.assignee_id`;

/** Feedback of one commune; RLS shows staff everything, others public feedback and their own. */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async list(communeId: string, viewerId: string | null, filter: FeedbackFilter): Promise<{ items: FeedbackRecord[]; total: number }> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<FeedbackRecord & { total: number }>(
      `select ${columns('$2')}, count(*) over ()::int as total
       from feedback f ${JOINS}
       where f.commune_id = $1
         and ($3::feedback_status is null or f.status = $3)
         and ($4::text is null or f.category = $4)
         and ($5::feedback_kind is null or f.kind = $5)
         and ($6::text is null or ($6 = 'none' and f.assignee_id is null) or f.assignee_id::text = $6)
         and ($7::uuid is null or f.author_id = $7)
         and (f.hidden_at is null or $10::boolean or f.author_id = $2::uuid)
       order by f.created_at desc, f.id
       limit $8 offset $9`,
      [communeId, viewerId, filter.status, filter.category, filter.kind, filter.assignee, filter.authorId, filter.limit, filter.offset, filter.showHidden ?? false],
    );
    const total = rows[0]?.total ?? 0;
    for (const row of rows) delete (row as Partial<typeof row>).total;
    return { items: rows, total };
  }

  async find(communeId: string, viewerId: string | null, where: { id: string } | { trackingNumber: string }, options: { lock?: boolean } = {}): Promise<FeedbackRecord | null> {
    this.tx.assertCommune(communeId);
    const byId = 'id' in where;
    const rows = await this.tx.query<FeedbackRecord>(
      `select ${columns('$2')} from feedback f ${JOINS}
       where f.commune_id = $1 and ${byId ? 'f.id = $3::uuid' : 'f.tracking_number = upper($3)'}
       ${options.lock ? 'for update of f' : ''}`,
      [communeId, viewerId, byId ? where.id : where.trackingNumber],
    );
    return rows[0] ?? null;
  }

  /** The next tracking number of the commune for the year (concurrent callers wait on the counter row). */
  async nextNumber(communeId: string): Promise<{ year: number; number: number }> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ year: number; number: number }>(
      `insert into feedback_counters as c (commune_id, year, last_number)
       values ($1, extract(year from now() at time zone 'Africa/Porto-Novo')::int, 1)
       on conflict (commune_id, year) do update set last_number = c.last_number + 1
       returning c.year, c.last_number as number`,
      [communeId],
    );
    return row;
  }

  async insert(communeId: string, authorId: string, trackingNumber: string, fields: NewFeedback): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into feedback (commune_id, tracking_number, kind, category, text, place, latitude, longitude, visibility, author_id)
       values ($1, $2, $3::feedback_kind, $4, $5, $6, $7, $8, $9::feedback_visibility, $10) returning id`,
      [communeId, trackingNumber, fields.kind, fields.category, fields.text, fields.place, fields.latitude, fields.longitude, fields.visibility, authorId],
    );
    return row.id;
  }

  async setAssignee(communeId: string, id: string, assigneeId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`update feedback set assignee_id = $3, updated_at = now() where commune_id = $1 and id = $2`, [communeId, id, assigneeId]);
  }

  /**
   * Moves the feedback to `status`, with a new public answer when given. The first staff
   * response and the closing time are recorded once (response times).
   */
  async respond(communeId: string, id: string, change: { status: FeedbackStatus; answer: string | null; answeredBy: string | null }): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update feedback set
         status = $3::feedback_status,
         answer = coalesce($4, answer),
         answered_at = case when $4::text is not null then now() else answered_at end,
         answered_by = case when $4::text is not null then $5::uuid else answered_by end,
         first_response_at = coalesce(first_response_at, now()),
         closed_at = case when $3::feedback_status in ('resolved', 'declined') then coalesce(closed_at, now()) else null end,
         updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, change.status, change.answer, change.answeredBy],
    );
  }

  async isMember(communeId: string, userId: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(`select 1 from memberships where commune_id = $1 and user_id = $2`, [communeId, userId]);
    return rows.length === 1;
  }

  /** False when this account already supports it (one support per account). */
  async addSupport(communeId: string, feedbackId: string, userId: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `insert into feedback_supports (commune_id, feedback_id, user_id) values ($1, $2, $3) on conflict do nothing returning user_id`,
      [communeId, feedbackId, userId],
    );
    return rows.length === 1;
  }

  /** Public feedback with a public answer, not hidden by moderation: what the search index holds. */
  searchable(communeId: string, ids: readonly string[] | null): Promise<FeedbackRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<FeedbackRecord>(
      `select ${columns('$3')} from feedback f ${JOINS}
       where f.commune_id = $1 and f.visibility = 'public' and f.answer is not null and f.hidden_at is null
         and ($2::uuid[] is null or f.id = any($2::uuid[]))`,
      [communeId, ids, null],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
