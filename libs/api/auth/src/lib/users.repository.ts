import { Injectable } from '@nestjs/common';
import type { MembershipRole, PlatformRole } from '@communes/shared-contracts';
import { TenantTransaction } from '@communes/api-database';

export interface UserRecord {
  id: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  displayName: string;
  platformRole: PlatformRole | null;
  /** Moves on at "log out everywhere"; access tokens carry the version they were issued under. */
  sessionVersion: number;
}

export interface UserMembershipRecord {
  communeId: string;
  communeSlug: string;
  communeName: string;
  role: MembershipRole;
}

const USER_COLUMNS = `id, email, phone, password_hash as "passwordHash", display_name as "displayName",
                      platform_role as "platformRole", session_version as "sessionVersion"`;

/** Accounts are global (one person, many communes); memberships are read in the `self` scope. */
@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async findByEmail(email: string): Promise<UserRecord | null> {
    const rows = await this.tx.query<UserRecord>(`select ${USER_COLUMNS} from users where email = $1`, [email]);
    return rows[0] ?? null;
  }

  async findByPhone(phone: string): Promise<UserRecord | null> {
    const rows = await this.tx.query<UserRecord>(`select ${USER_COLUMNS} from users where phone = $1`, [phone]);
    return rows[0] ?? null;
  }

  /** Ends every session of the account: access tokens issued before stop being accepted. */
  async bumpSessionVersion(id: string): Promise<void> {
    await this.tx.query(`update users set session_version = session_version + 1 where id = $1`, [id]);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const rows = await this.tx.query<UserRecord>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Returns null when the email or phone number is already taken. */
  async create(input: { email: string | null; phone: string | null; passwordHash: string; displayName: string }): Promise<UserRecord | null> {
    const rows = await this.tx.query<UserRecord>(
      `insert into users (email, phone, password_hash, display_name) values ($1, $2, $3, $4)
       on conflict do nothing
       returning ${USER_COLUMNS}`,
      [input.email, input.phone, input.passwordHash, input.displayName],
    );
    return rows[0] ?? null;
  }

  /** The caller's own memberships; RLS lets the `self` scope see exactly these rows. */
  async findMemberships(userId: string): Promise<UserMembershipRecord[]> {
    return this.tx.query<UserMembershipRecord>(
      `select m.commune_id as "communeId", c.slug as "communeSlug", c.name as "communeName", m.role
       from memberships m join communes c on c.id = m.commune_id
       where m.user_id = $1
       order by c.name`,
      [userId],
    );
  }
}
