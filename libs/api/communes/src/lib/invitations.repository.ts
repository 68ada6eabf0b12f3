import { Injectable } from '@nestjs/common';
import type { MembershipRole } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface InvitationRecord {
  id: string;
  communeId: string;
  email: string;
  role: MembershipRole;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, commune_id as "communeId", email, role, invited_by as "invitedBy", expires_at as "expiresAt",
  accepted_at as "acceptedAt", accepted_by as "acceptedBy", revoked_at as "revokedAt", created_at as "createdAt"`;

@Injectable()
export class InvitationsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(communeId: string, input: { email: string; role: MembershipRole; tokenHash: string; invitedBy: string | null; expiresAt: Date }): Promise<InvitationRecord> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<InvitationRecord>(
      `insert into invitations (commune_id, email, role, token_hash, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [communeId, input.email, input.role, input.tokenHash, input.invitedBy, input.expiresAt],
    );
    return rows[0];
  }

  /** A new invitation to the same address replaces the pending ones. */
  async revokePendingFor(communeId: string, email: string): Promise<void> {
    this.tx.assertCommune(communeId);
    await this.tx.query(
      `update invitations set revoked_at = now()
       where commune_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
      [communeId, email],
    );
  }

  list(communeId: string): Promise<InvitationRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<InvitationRecord>(
      `select ${COLUMNS} from invitations where commune_id = $1 order by created_at desc limit 200`,
      [communeId],
    );
  }

  async revoke(communeId: string, id: string): Promise<InvitationRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<InvitationRecord>(
      `update invitations set revoked_at = now()
       where commune_id = $1 and id = $2 and accepted_at is null and revoked_at is null
       returning ${COLUMNS}`,
      [communeId, id],
    );
    return rows[0] ?? null;
  }

  /** Visible only with the token's hash set in the transaction (RLS policy invitations_by_token_read). */
  async findByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    const rows = await this.tx.query<InvitationRecord>(`select ${COLUMNS} from invitations where token_hash = $1`, [tokenHash]);
    return rows[0] ?? null;
  }

  async markAccepted(communeId: string, id: string, userId: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update invitations set accepted_at = now(), accepted_by = $3
       where commune_id = $1 and id = $2 and accepted_at is null and revoked_at is null and expires_at > now()
       returning id`,
      [communeId, id, userId],
    );
    return rows.length === 1;
  }
}
