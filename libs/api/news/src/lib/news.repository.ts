import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type { NewsState } from '@communes/shared-contracts';

export interface NewsRecord {
  id: string;
  communeId: string;
  title: string;
  summary: string | null;
  body: string;
  state: NewsState;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  cover: NewsCover | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewsCover {
  url: string;
  mediaType: string;
  width: number;
  height: number;
  alt: string | null;
}

export interface NewsCoverFile {
  objectKey: string;
  mediaType: string;
}

export interface NewsFields {
  title: string;
  summary: string | null;
  body: string;
}

// The cover's URL carries a version (its key's last part) so that a new cover is a new URL for caches.
const COLUMNS = `n.id, n.commune_id as "communeId", n.title, n.summary, n.body, n.state, n.published_at as "publishedAt",
  n.withdrawn_at as "withdrawnAt", n.withdrawal_reason as "withdrawalReason",
  case when n.cover_object_key is null then null else json_build_object(
    'url', '/api/v1/communes/' || c.slug || '/news/' || n.id || '/cover?v=' || split_part(regexp_replace(n.cover_object_key, '^.*/', ''), '.', 1),
    'mediaType', n.cover_media_type, 'width', n.cover_width, 'height', n.cover_height, 'alt', n.cover_alt) end as cover,
  n.created_at as "createdAt", n.updated_at as "updatedAt"`;
const FROM = `news n join communes c on c.id = n.commune_id`;

/** News of one commune; RLS shows staff every article, everyone else the published ones. */
@Injectable()
export class NewsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async list(communeId: string, filter: { state: NewsState | null; limit: number; offset: number }): Promise<{ items: NewsRecord[]; total: number }> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<NewsRecord & { total: number }>(
      `select ${COLUMNS}, count(*) over ()::int as total from ${FROM}
       where n.commune_id = $1 and ($2::news_state is null or n.state = $2)
       order by coalesce(n.published_at, n.updated_at) desc, n.id
       limit $3 offset $4`,
      [communeId, filter.state, filter.limit, filter.offset],
    );
    const total = rows[0]?.total ?? 0;
    for (const row of rows) delete (row as Partial<typeof row>).total;
    return { items: rows, total };
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<NewsRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<NewsRecord>(`select ${COLUMNS} from ${FROM} where n.commune_id = $1 and n.id = $2 ${options.lock ? 'for update of n' : ''}`, [communeId, id]);
    return rows[0] ?? null;
  }

  async coverFile(communeId: string, id: string): Promise<NewsCoverFile | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<NewsCoverFile>(
      `select cover_object_key as "objectKey", cover_media_type as "mediaType" from news where commune_id = $1 and id = $2 and cover_object_key is not null`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, fields: NewsFields, userId: string | null): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into news (commune_id, title, summary, body, created_by, updated_by) values ($1, $2, $3, $4, $5, $5) returning id`,
      [communeId, fields.title, fields.summary, fields.body, userId],
    );
    return row.id;
  }

  async update(communeId: string, id: string, fields: NewsFields, userId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update news set title = $3, summary = $4, body = $5, updated_by = $6, updated_at = now() where commune_id = $1 and id = $2`,
      [communeId, id, fields.title, fields.summary, fields.body, userId],
    );
  }

  /** Publishes with the date shown (never later than now: no article waits in the future). */
  async publish(communeId: string, id: string, publishedAt: Date | null, userId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update news set state = 'published', published_at = least(coalesce($3::timestamptz, now()), now()), updated_by = $4, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, publishedAt, userId],
    );
  }

  async withdraw(communeId: string, id: string, reason: string, userId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update news set state = 'withdrawn', withdrawn_at = now(), withdrawal_reason = $3, updated_by = $4, updated_at = now() where commune_id = $1 and id = $2`,
      [communeId, id, reason, userId],
    );
  }

  /**
   * Locks the article until the transaction ends and returns its cover's key: of two cover changes
   * at once, the second sees the cover the first set, so every replaced cover object is accounted for.
   */
  async lockCoverKey(communeId: string, id: string): Promise<string | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ objectKey: string | null }>(
      `select cover_object_key as "objectKey" from news where commune_id = $1 and id = $2 for update`,
      [communeId, id],
    );
    return rows[0]?.objectKey ?? null;
  }

  /** Sets the cover (the key of the one it replaces comes from `lockCoverKey`, in the same transaction). */
  async setCover(communeId: string, id: string, cover: { objectKey: string; mediaType: string; width: number; height: number; alt: string | null }, userId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update news set cover_object_key = $3, cover_media_type = $4, cover_width = $5, cover_height = $6, cover_alt = $7, updated_by = $8, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, cover.objectKey, cover.mediaType, cover.width, cover.height, cover.alt, userId],
    );
  }

  /** Takes the cover off (the key of the removed one comes from `lockCoverKey`, in the same transaction). */
  async clearCover(communeId: string, id: string, userId: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update news set cover_object_key = null, cover_media_type = null, cover_width = null, cover_height = null, cover_alt = null, updated_by = $3, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, userId],
    );
  }

  /** Published articles, for the search index (withdrawn ones leave it). */
  searchable(communeId: string, ids: readonly string[] | null): Promise<NewsRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<NewsRecord>(
      `select ${COLUMNS} from ${FROM} where n.commune_id = $1 and n.state = 'published' and ($2::uuid[] is null or n.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
