import { Injectable } from '@nestjs/common';
import type { MembershipRole } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface MemberRecord {
  userId: string;
  email: string | null;
  phone: string | null;
  displayName: string;
  role: MembershipRole;
  joinedAt: Date;
}

/** A commune's team. Every query takes the commune first and runs in its transaction. */
@Injectable()
export class MembersRepository {
  constructor(private readonly tx: TenantTransaction) {}

  list(communeId: string): Promise<MemberRecord[]> {
    this.tx.assertCommune(communeId);
    return this.tx.query<MemberRecord>(
      `select m.user_id as "userId", u.email, u.phone, u.display_name as "displayName", m.role, m.created_at as "joinedAt"
       from memberships m join users u on u.id = m.user_id
       where m.commune_id = $1
       order by m.role, u.display_name`,
      [communeId],
    );
  }

  async find(communeId: string, userId: string): Promise<MemberRecord | null> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<MemberRecord>(
      `select m.user_id as "userId", u.email, u.phone, u.display_name as "displayName", m.role, m.created_at as "joinedAt"
       from memberships m join users u on u.id = m.user_id
       where m.commune_id = $1 and m.user_id = $2`,
      [communeId, userId],
    );
    return rows[0] ?? null;
  }

  /** Locks the commune's admins so two concurrent demotions cannot leave it with none. */
  async lockAdmins(communeId: string): Promise<string[]> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query<{ userId: string }>(
      `select user_id as "userId" from memberships where commune_id = $1 and role = 'admin' for update`,
      [communeId],
    );
    return rows.map((row) => row.userId);
  }

  async insert(communeId: string, userId: string, role: MembershipRole): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `insert into memberships (commune_id, user_id, role) values ($1, $2, $3) on conflict do nothing returning user_id`,
      [communeId, userId, role],
    );
    return rows.length === 1;
  }

  async updateRole(communeId: string, userId: string, role: MembershipRole): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(
      `update memberships set role = $3, updated_at = now() where commune_id = $1 and user_id = $2 returning user_id`,
      [communeId, userId, role],
    );
    return rows.length === 1;
  }

  async delete(communeId: string, userId: string): Promise<boolean> {
    this.tx.assertCommune(communeId);
    const rows = await this.tx.query(`delete from memberships where commune_id = $1 and user_id = $2 returning user_id`, [communeId, userId]);
    return rows.length === 1;
  }
}
