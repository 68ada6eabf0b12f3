import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export type DebateTopicState = 'draft' | 'open' | 'closed';

export interface DebateTopicRecord {
  id: string;
  communeId: string;
  title: string;
  body: string;
  state: DebateTopicState;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  commentCount: number;
}

export interface DebateCommentRecord {
  id: string;
  communeId: string;
  topicId: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  /** Null when hidden and the caller is neither its author nor staff. */
  body: string | null;
  isOfficial: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  agreeCount: number;
  disagreeCount: number;
  myReaction: 'agree' | 'disagree' | null;
}

const TOPIC_COLUMNS = `t.id, t.commune_id as "communeId", t.title, t.body, t.state, t.opened_at as "openedAt", t.closed_at as "closedAt",
  t.created_at as "createdAt",
  (select count(*)::int from debate_comments c where c.commune_id = t.commune_id and c.topic_id = t.id and c.hidden_at is null) as "commentCount"`;

/**
 * $2 = the caller's id, $3 = whether the caller is staff. A hidden comment keeps its place in
 * the thread; its text and the reason are shown to its author and the staff only.
 */
const COMMENT_COLUMNS = `c.id, c.commune_id as "communeId", c.topic_id as "topicId", c.parent_id as "parentId",
  c.author_id as "authorId", u.display_name as "authorName",
  case when c.hidden_at is null or $3::boolean or c.author_id = $2::uuid then c.body end as body,
  c.is_official as "isOfficial", c.hidden_at is not null as hidden,
  case when $3::boolean or c.author_id = $2::uuid then c.hidden_reason end as "hiddenReason",
  c.hidden_at as "hiddenAt", c.created_at as "createdAt",
  (select count(*)::int from debate_reactions r where r.commune_id = c.commune_id and r.comment_id = c.id and r.kind = 'agree') as "agreeCount",
  (select count(*)::int from debate_reactions r where r.commune_id = c.commune_id and r.comment_id = c.id and r.kind = 'disagree') as "disagreeCount",
  (select r.kind from debate_reactions r where r.commune_id = c.commune_id and r.comment_id = c.id and r.user_id = $2::uuid) as "myReaction"`;

@Injectable()
export class DebatesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  listTopics(communeId: string, includeDrafts: boolean): Promise<DebateTopicRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<DebateTopicRecord>(
      `select ${TOPIC_COLUMNS} from debate_topics t where t.commune_id = $1 and ($2::boolean or t.state <> 'draft')
       order by coalesce(t.opened_at, t.created_at) desc limit 200`,
      [communeId, includeDrafts],
    );
  }

  async findTopic(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<DebateTopicRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DebateTopicRecord>(
      `select ${TOPIC_COLUMNS} from debate_topics t where t.commune_id = $1 and t.id = $2 ${options.lock ? 'for update of t' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insertTopic(communeId: string, fields: { title: string; body: string; open: boolean }, createdBy: string | null): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into debate_topics (commune_id, title, body, state, opened_at, created_by)
       values ($1, $2, $3, $4::debate_topic_state, case when $4 = 'open' then now() end, $5) returning id`,
      [communeId, fields.title, fields.body, fields.open ? 'open' : 'draft', createdBy],
    );
    return row.id;
  }

  async setTopicState(communeId: string, id: string, state: 'open' | 'closed'): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update debate_topics set state = $3::debate_topic_state,
         opened_at = case when $3 = 'open' then coalesce(opened_at, now()) else opened_at end,
         closed_at = case when $3 = 'closed' then now() else closed_at end, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, state],
    );
  }

  listComments(communeId: string, topicId: string, viewerId: string | null, staff: boolean): Promise<DebateCommentRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<DebateCommentRecord>(
      `select ${COMMENT_COLUMNS} from debate_comments c left join users u on u.id = c.author_id
       where c.commune_id = $1 and c.topic_id = $4 order by c.created_at, c.id limit 2000`,
      [communeId, viewerId, staff, topicId],
    );
  }

  async findComment(communeId: string, topicId: string, id: string, viewerId: string | null, staff: boolean): Promise<DebateCommentRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<DebateCommentRecord>(
      `select ${COMMENT_COLUMNS} from debate_comments c left join users u on u.id = c.author_id
       where c.commune_id = $1 and c.topic_id = $4 and c.id = $5`,
      [communeId, viewerId, staff, topicId, id],
    );
    return rows[0] ?? null;
  }

  async insertComment(communeId: string, topicId: string, fields: { parentId: string | null; body: string; isOfficial: boolean }, authorId: string): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into debate_comments (commune_id, topic_id, parent_id, author_id, body, is_official) values ($1, $2, $3, $4, $5, $6) returning id`,
      [communeId, topicId, fields.parentId, authorId, fields.body, fields.isOfficial],
    );
    return row.id;
  }

  async setHidden(communeId: string, id: string, hide: { by: string | null; reason: string } | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update debate_comments set hidden_at = case when $3::boolean then now() end, hidden_by = $4, hidden_reason = $5
       where commune_id = $1 and id = $2`,
      [communeId, id, hide !== null, hide?.by ?? null, hide?.reason ?? null],
    );
  }

  async react(communeId: string, commentId: string, userId: string, kind: 'agree' | 'disagree' | null): Promise<void> {
    this.tx.assertCommune(communeId);
    if (kind === null) {
      await this.tx.query(`delete from debate_reactions where commune_id = $1 and comment_id = $2 and user_id = $3`, [communeId, commentId, userId]);
      return;
    }
    await this.tx.query(
      `insert into debate_reactions (commune_id, comment_id, user_id, kind) values ($1, $2, $3, $4::debate_reaction_kind)
       on conflict (commune_id, comment_id, user_id) do update set kind = excluded.kind, created_at = now()`,
      [communeId, commentId, userId, kind],
    );
  }

  /** Open and closed topics, for the search index. */
  searchable(communeId: string, ids: readonly string[] | null): Promise<DebateTopicRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<DebateTopicRecord>(
      `select ${TOPIC_COLUMNS} from debate_topics t
       where t.commune_id = $1 and t.state <> 'draft' and ($2::uuid[] is null or t.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
