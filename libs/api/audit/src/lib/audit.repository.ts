import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';

export interface AuditEventRecord {
  id: string;
  communeId: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  occurredAt: Date;
}

/** Append-only: this repository can insert and read, nothing else (nor can the app role). */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(communeId: string, event: Omit<AuditEventRecord, 'id' | 'communeId' | 'occurredAt'>): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `insert into audit_events (commune_id, actor_user_id, actor_role, action, target_type, target_id, details, request_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [communeId, event.actorUserId, event.actorRole, event.action, event.targetType, event.targetId, event.details, event.requestId],
    );
  }

  listRecent(communeId: string, limit: number, before?: string): Promise<AuditEventRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<AuditEventRecord>(
      `select id::text, commune_id as "communeId", actor_user_id as "actorUserId", actor_role as "actorRole", action,
              target_type as "targetType", target_id as "targetId", details, request_id as "requestId",
              occurred_at as "occurredAt"
       from audit_events
       where commune_id = $1 and ($3::bigint is null or id < $3::bigint)
       order by id desc
       limit $2`,
      [communeId, limit, before ?? null],
    );
  }
}
