import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export type AgendaEventState = 'draft' | 'published' | 'cancelled';

export interface AgendaEventRecord {
  id: string;
  communeId: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date | null;
  state: AgendaEventState;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
}

export interface AgendaEventFields {
  title: string;
  description: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date | null;
}

const COLUMNS = `e.id, e.commune_id as "communeId", e.title, e.description, e.location, e.starts_at as "startsAt",
  e.ends_at as "endsAt", e.state, e.published_at as "publishedAt", e.cancelled_at as "cancelledAt",
  e.cancellation_reason as "cancellationReason"`;

/** The mayor's agenda of one commune; RLS hides drafts from everyone but its staff. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string, filter: { from: Date | null; to: Date | null; includeDrafts: boolean; limit: number }): Promise<AgendaEventRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<AgendaEventRecord>(
      `select ${COLUMNS} from agenda_events e
       where e.commune_id = $1
         and ($2::timestamptz is null or coalesce(e.ends_at, e.starts_at) >= $2)
         and ($3::timestamptz is null or e.starts_at < $3)
         and ($4::boolean or e.state <> 'draft')
       order by e.starts_at
       limit $5`,
      [communeId, filter.from, filter.to, filter.includeDrafts, filter.limit],
    );
  }

  async find(communeId: string, id: string, options: { lock?: boolean } = {}): Promise<AgendaEventRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<AgendaEventRecord>(
      `select ${COLUMNS} from agenda_events e where e.commune_id = $1 and e.id = $2 ${options.lock ? 'for update' : ''}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  async insert(communeId: string, fields: AgendaEventFields, publish: boolean, createdBy: string | null): Promise<AgendaEventRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<AgendaEventRecord>(
      `insert into agenda_events as e (commune_id, title, description, location, starts_at, ends_at, state, published_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7::agenda_event_state, case when $7::agenda_event_state = 'published' then now() end, $8)
       returning ${COLUMNS}`,
      [communeId, fields.title, fields.description, fields.location, fields.startsAt, fields.endsAt, publish ? 'published' : 'draft', createdBy],
    );
    return rows[0];
  }

  async update(communeId: string, id: string, fields: AgendaEventFields): Promise<AgendaEventRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<AgendaEventRecord>(
      `update agenda_events e set title = $3, description = $4, location = $5, starts_at = $6, ends_at = $7, updated_at = now()
       where e.commune_id = $1 and e.id = $2 returning ${COLUMNS}`,
      [communeId, id, fields.title, fields.description, fields.location, fields.startsAt, fields.endsAt],
    );
    return rows[0];
  }

  async setState(communeId: string, id: string, state: 'published' | 'cancelled', reason: string | null): Promise<AgendaEventRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<AgendaEventRecord>(
      `update agenda_events e set state = $3::agenda_event_state,
         published_at = case when $3::agenda_event_state = 'published' then coalesce(published_at, now()) else published_at end,
         cancelled_at = case when $3::agenda_event_state = 'cancelled' then now() else cancelled_at end,
         cancellation_reason = case when $3::agenda_event_state = 'cancelled' then $4::text else cancellation_reason end,
         updated_at = now()
       where e.commune_id = $1 and e.id = $2 returning ${COLUMNS}`,
      [communeId, id, state, reason],
    );
    return rows[0];
  }

  async deleteDraft(communeId: string, id: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(`delete from agenda_events where commune_id = $1 and id = $2 and state = 'draft' returning id`, [communeId, id]);
    return rows.length === 1;
  }

  /** Published events, for the search index (cancelled ones leave it). */
  searchable(communeId: string, ids: readonly string[] | null): Promise<AgendaEventRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<AgendaEventRecord>(
      `select ${COLUMNS} from agenda_events e
       where e.commune_id = $1 and e.state = 'published' and ($2::uuid[] is null or e.id = any($2::uuid[]))`,
      [communeId, ids],
    );
  }

  async enqueueSearchUpdate(communeId: string, recordId: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(`insert into search_outbox (commune_id, record_id) values ($1, $2)`, [communeId, recordId]);
  }
}
