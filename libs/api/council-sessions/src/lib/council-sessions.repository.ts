import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import type {
  CouncilSessionDocumentRole,
  CouncilSessionKind,
  CouncilSessionStatus,
  CouncilSessionType,
  StreamKind,
} from '@communes/shared-contracts';

export interface CouncilSessionRecord {
  id: string;
  communeId: string;
  kind: CouncilSessionKind;
  sessionType: CouncilSessionType | null;
  title: string;
  description: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date | null;
  streamUrl: string | null;
  streamEmbedUrl: string | null;
  streamKind: StreamKind | null;
  status: CouncilSessionStatus;
  publishedAt: Date | null;
  liveAt: Date | null;
  endedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  summary: string | null;
  createdAt: Date;
  updatedAt: Date;
  questionCount: number;
}

export interface SessionFields {
  kind: CouncilSessionKind;
  sessionType: CouncilSessionType | null;
  title: string;
  description: string | null;
  place: string | null;
  startsAt: Date;
  endsAt: Date | null;
  stream: { url: string; embedUrl: string; kind: StreamKind } | null;
}

export interface AgendaItemInput {
  title: string;
  description: string | null;
  documentIds: string[];
}

export interface AgendaItemRecord {
  position: number;
  title: string;
  description: string | null;
}

export interface SessionDocumentRecord {
  documentId: string;
  role: CouncilSessionDocumentRole;
  agendaPosition: number | null;
  title: string;
  category: string;
  state: 'draft' | 'published' | 'withdrawn';
  publishedAt: Date | null;
}

export interface SessionQuestionRecord {
  id: string;
  communeId: string;
  sessionId: string;
  authorId: string | null;
  authorName: string | null;
  text: string;
  answer: string | null;
  answeredAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
}

export interface SessionEventRecord {
  id: string;
  sessionId: string;
  type: SessionEventType;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export type SessionEventType = 'status' | 'question' | 'answer' | 'hidden' | 'updated';

/** The channel of PostgreSQL NOTIFY that tells every API process a session has new events. */
export const SESSION_EVENTS_CHANNEL = 'council_session_events';

const COLUMNS = `s.id, s.commune_id as "communeId", s.kind, s.session_type as "sessionType", s.title, s.description, s.place,
  s.starts_at as "startsAt", s.ends_at as "endsAt", s.stream_url as "streamUrl", s.stream_embed_url as "streamEmbedUrl",
  s.stream_kind as "streamKind", s.status, s.published_at as "publishedAt", s.live_at as "liveAt", s.ended_at as "endedAt",
  s.cancelled_at as "cancelledAt", s.cancellation_reason as "cancellationReason", s.summary, s.created_at as "createdAt",
  s.updated_at as "updatedAt",
  (select count(*)::int from council_session_questions q where q.commune_id = s.commune_id and q.session_id = s.id and q.hidden_at is null) as "questionCount"`;

const QUESTION_COLUMNS = `q.id, q.commune_id as "communeId", q.session_id as "sessionId", q.author_id as "authorId",
  author.display_name as "authorName", q.text, q.answer, q.answered_at as "answeredAt", q.hidden_at as "hiddenAt",
  q.hidden_reason as "hiddenReason", q.created_at as "createdAt"`;

/** Sessions of one commune, with agenda, documents, questions and live events; RLS decides who sees what. */
@Injectable()
export class CouncilSessionsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, filter: { kind: CouncilSessionKind | null; period: 'upcoming' | 'past'; from: Date; includeDrafts: boolean; limit: number }): Promise<CouncilSessionRecord[]> {
    this.tx.assertCommune(communeId);
    // Upcoming: not over yet (live sessions included), soonest first. Past: over, latest first.
    const upcoming = filter.period === 'upcoming';
    return this.tx.query<CouncilSessionRecord>(
      `select ${COLUMNS} from council_sessions s
       where s.commune_id = $1
         and ($2::council_session_kind is null or s.kind = $2)
         and ($3::boolean or s.status <> 'draft')
         and ${upcoming ? `(s.status = 'live' or (s.status in ('draft', 'scheduled') and coalesce(s.ends_at, s.starts_at) >= $4))` : `(s.status in ('ended', 'cancelled') or (s.status in ('draft', 'scheduled') and coalesce(s.ends_at, s.starts_at) < $4))`}
       order by s.starts_at ${upcoming ? 'asc' : 'desc'}, s.id
       limit $5`,
      [communeId, filter.kind, filter.includeDrafts, filter.from, filter.limit],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<CouncilSessionRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<CouncilSessionRecord>(
      `select ${COLUMNS} from council_sessions s where s.commune_id = $1 and s.id = $2 ${options.lock ? 'for update of s' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, fields: SessionFields, publish: boolean, createdBy: string | null): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into council_sessions (commune_id, kind, session_type, title, description, place, starts_at, ends_at,
         stream_url, stream_embed_url, stream_kind, status, published_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::council_session_status,
         case when $12::council_session_status = 'scheduled' then now() end, $13)
       returning id`,
      [communeId, fields.kind, fields.sessionType, fields.title, fields.description, fields.place, fields.startsAt, fields.endsAt,
        fields.stream?.url ?? null, fields.stream?.embedUrl ?? null, fields.stream?.kind ?? null, publish ? 'scheduled' : 'draft', createdBy],
    );
    return row.id;
  }

  async update(communeId: string, id: string, fields: Omit<SessionFields, 'kind'>): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update council_sessions set session_type = $3, title = $4, description = $5, place = $6, starts_at = $7, ends_at = $8,
         stream_url = $9, stream_embed_url = $10, stream_kind = $11, updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, fields.sessionType, fields.title, fields.description, fields.place, fields.startsAt, fields.endsAt,
        fields.stream?.url ?? null, fields.stream?.embedUrl ?? null, fields.stream?.kind ?? null],
    );
  }

  /** Moves the session to `status`, stamping when it was published, went live, ended or was cancelled. */
  async setStatus(communeId: string, id: string, status: CouncilSessionStatus, reason: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update council_sessions set status = $3::council_session_status,
         published_at = case when $3 = 'scheduled' then coalesce(published_at, now()) else published_at end,
         live_at = case when $3 = 'live' then coalesce(live_at, now()) else live_at end,
         ended_at = case when $3 = 'ended' then now() else ended_at end,
         cancelled_at = case when $3 = 'cancelled' then now() else cancelled_at end,
         cancellation_reason = case when $3 = 'cancelled' then $4::text else cancellation_reason end,
         updated_at = now()
       where commune_id = $1 and id = $2`,
      [communeId, id, status, reason],
    );
  }

  async setSummary(communeId: string, id: string, summary: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`update council_sessions set summary = $3, updated_at = now() where commune_id = $1 and id = $2`, [communeId, id, summary]);
  }

  async deleteDraft(communeId: string, id: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(`delete from council_sessions where commune_id = $1 and id = $2 and status = 'draft' returning id`, [communeId, id]);
    return rows.length === 1;
  }

  // Agenda and documents

  /** Replaces the whole agenda (items and their documents). */
  async replaceAgenda(communeId: string, sessionId: string, items: readonly AgendaItemInput[]): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`delete from council_session_agenda_items where commune_id = $1 and session_id = $2`, [communeId, sessionId]);
    for (const [index, item] of items.entries()) {
      await this.tx.query(
        `insert into council_session_agenda_items (commune_id, session_id, position, title, description) values ($1, $2, $3, $4, $5)`,
        [communeId, sessionId, index + 1, item.title, item.description],
      );
      for (const documentId of new Set(item.documentIds)) {
        await this.tx.query(
          `insert into council_session_documents (commune_id, session_id, document_id, role, agenda_position) values ($1, $2, $3, 'agenda', $4)`,
          [communeId, sessionId, documentId, index + 1],
        );
      }
    }
  }

  agenda(communeId: string, sessionId: string): Promise<AgendaItemRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<AgendaItemRecord>(
      `select position, title, description from council_session_agenda_items where commune_id = $1 and session_id = $2 order by position`,
      [communeId, sessionId],
    );
  }

  /** Linked documents the caller may read (a draft document stays hidden from the public by its own policies). */
  documents(communeId: string, sessionId: string): Promise<SessionDocumentRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<SessionDocumentRecord>(
      `select l.document_id as "documentId", l.role, l.agenda_position as "agendaPosition", d.title, d.category::text as category,
              d.state, d.published_at as "publishedAt"
       from council_session_documents l join documents d on d.commune_id = l.commune_id and d.id = l.document_id
       where l.commune_id = $1 and l.session_id = $2
       order by l.role, l.agenda_position nulls last, l.created_at, l.document_id`,
      [communeId, sessionId],
    );
  }

  /** Which of these documents of the commune are published (linking a draft would publish nothing). */
  async publishedDocumentIds(communeId: string, ids: readonly string[]): Promise<Set<string>> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ id: string }>(
      `select id from documents where commune_id = $1 and id = any($2::uuid[]) and state = 'published'`,
      [communeId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async linkDocument(communeId: string, sessionId: string, documentId: string, role: Exclude<CouncilSessionDocumentRole, 'agenda'>): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `insert into council_session_documents (commune_id, session_id, document_id, role) values ($1, $2, $3, $4)
       on conflict do nothing returning document_id`,
      [communeId, sessionId, documentId, role],
    );
    return rows.length === 1;
  }

  async unlinkDocument(communeId: string, sessionId: string, documentId: string, role: Exclude<CouncilSessionDocumentRole, 'agenda'>): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `delete from council_session_documents where commune_id = $1 and session_id = $2 and document_id = $3 and role = $4 returning document_id`,
      [communeId, sessionId, documentId, role],
    );
    return rows.length === 1;
  }

  // Questions

  /** Questions the caller may read (RLS: visible ones, plus hidden ones to staff and their author), oldest first. */
  questions(communeId: string, sessionId: string, limit: number): Promise<SessionQuestionRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<SessionQuestionRecord>(
      `select ${QUESTION_COLUMNS} from council_session_questions q left join users author on author.id = q.author_id
       where q.commune_id = $1 and q.session_id = $2 order by q.created_at, q.id limit $3`,
      [communeId, sessionId, limit],
    );
  }

  async findQuestion(communeId: string, sessionId: string, id: string, options: { lock?: boolean } = {}): Promise<SessionQuestionRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<SessionQuestionRecord>(
      `select ${QUESTION_COLUMNS} from council_session_questions q left join users author on author.id = q.author_id
       where q.commune_id = $1 and q.session_id = $2 and q.id = $3 ${options.lock ? 'for update of q' : ''}`,
      [communeId, sessionId, id],
    );
    return rows[0] ?? null;
  }

  async insertQuestion(communeId: string, sessionId: string, authorId: string, text: string): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `insert into council_session_questions (commune_id, session_id, author_id, text) values ($1, $2, $3, $4) returning id`,
      [communeId, sessionId, authorId, text],
    );
    return row.id;
  }

  async answerQuestion(communeId: string, id: string, answer: string | null, answeredBy: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update council_session_questions set answer = $3, answered_at = now(), answered_by = $4 where commune_id = $1 and id = $2`,
      [communeId, id, answer, answeredBy],
    );
  }

  async hideQuestion(communeId: string, id: string, reason: string, hiddenBy: string | null): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update council_session_questions set hidden_at = now(), hidden_reason = $3, hidden_by = $4 where commune_id = $1 and id = $2`,
      [communeId, id, reason, hiddenBy],
    );
  }

  // Live events

  /**
   * Appends an event and notifies every API process (delivered at commit). The per-session lock,
   * held until commit, makes ids grow in commit order within a session, so a follower resuming
   * after id N misses nothing. Call it last in the transaction: the lock is held until the end.
   */
  async appendEvent(communeId: string, sessionId: string, type: SessionEventType, payload: Record<string, unknown>): Promise<string> {
    this.tx.assertCommune(communeId);
    // One statement, so the lock is held only for the insert and the commit: the subquery (kept
    // apart by `offset 0`) takes the lock before the row, and so its id, is made. NOTIFY is sent at commit.
    const [row] = await this.tx.query<{ id: string }>(
      `insert into council_session_events (commune_id, session_id, type, payload)
       select $1::uuid, $2::uuid, $3::text, $4::jsonb
       from (select pg_advisory_xact_lock(hashtextextended('council_session_events:' || $2::text, 0)) offset 0) as locked
       returning id::text, pg_notify($5, $6)::text as notified`,
      [communeId, sessionId, type, JSON.stringify(payload), SESSION_EVENTS_CHANNEL, JSON.stringify({ communeId, sessionId })],
    );
    return row.id;
  }

  /** Events after `afterId`, oldest first. */
  events(communeId: string, sessionId: string, afterId: string, limit: number): Promise<SessionEventRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<SessionEventRecord>(
      `select e.id::text, e.session_id as "sessionId", e.type, e.payload, e.created_at as "createdAt"
       from council_session_events e
       where e.commune_id = $1 and e.session_id = $2 and e.id > $3::bigint
       order by e.id limit $4`,
      [communeId, sessionId, afterId, limit],
    );
  }

  async lastEventId(communeId: string, sessionId: string): Promise<string> {
    this.tx.assertCommune(communeId);
    const [row] = await this.tx.query<{ id: string }>(
      `select coalesce(max(e.id), 0)::text as id from council_session_events e where e.commune_id = $1 and e.session_id = $2`,
      [communeId, sessionId],
    );
    return row.id;
  }

  // Commune summary and search

  /** When the last session of each kind took place (ended), and how many in the last twelve months. */
  summary(communeId: string): Promise<{ kind: CouncilSessionKind; lastHeldAt: Date | null; heldLast12Months: number; nextStartsAt: Date | null }[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query(
      `select k.kind,
              (select max(coalesce(s.ended_at, s.starts_at)) from council_sessions s where s.commune_id = $1 and s.kind = k.kind and s.status = 'ended') as "lastHeldAt",
              (select count(*)::int from council_sessions s where s.commune_id = $1 and s.kind = k.kind and s.status = 'ended'
                 and coalesce(s.ended_at, s.starts_at) >= now() - interval '12 months') as "heldLast12Months",
              (select min(s.starts_at) from council_sessions s where s.commune_id = $1 and s.kind = k.kind and s.status in ('scheduled', 'live')
                 and coalesce(s.ends_at, s.starts_at) >= now() - interval '1 day') as "nextStartsAt"
       from unnest(enum_range(null::council_session_kind)) as k(kind)
       order by k.kind`,
      [communeId],
    );
  }

  /** Sessions in the search index: every non-draft one (a cancelled session stays findable, marked). */
  searchable(communeId: string, ids: readonly string[] | null): Promise<(CouncilSessionRecord & { agendaText: string | null })[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query(
      `select ${COLUMNS},
              (select string_agg(a.title, E'\\n' order by a.position) from council_session_agenda_items a
               where a.commune_id = s.commune_id and a.session_id = s.id) as "agendaText"
       from council_sessions s
       where s.commune_id = $1 and s.status <> 'draft' and ($2::uuid[] is null or s.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
