import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What the database may show inside one transaction (see the policies in the migrations):
 * - `public`: published content of one commune (anonymous visitors, citizens);
 * - `staff`: a member of the commune working on it (drafts, team, audit);
 * - `platform`: ANCB managing the commune (onboarding, first admin's invitation);
 * - `observer`: the ministry, reading only;
 * - `self`: the caller's own rows across communes (their memberships);
 * - `monitoring`: published documents and contracts of every commune at once (ministry figures),
 *   never anything a visitor could not read commune by commune;
 * - `worker`, `indexer`: background jobs across communes, each allowed only what its job needs
 *   (text extraction; draining the search outbox);
 * - `mailer`: sending the notification outbox (and ANCB's list of failed emails). The
 *   `notifier` scope is never set from here: only the `notification_enqueue()` SQL function uses it.
 */
export type DataScope = 'public' | 'staff' | 'platform' | 'observer' | 'self' | 'monitoring' | 'worker' | 'indexer' | 'mailer';

export interface DbContext {
  communeId: string | null;
  userId: string | null;
  scope: DataScope;
  /** Hash of an invitation token the caller holds: opens that one invitation. */
  invitationTokenHash?: string;
}

interface ActiveTransaction {
  manager: EntityManager;
  context: DbContext;
}

export class MissingTenantContextError extends Error {
  constructor() {
    super('No tenant transaction is active: wrap this work in TenantTransaction.run(context, work).');
  }
}

const active = new AsyncLocalStorage<ActiveTransaction>();

/**
 * Every unit of work on tenant data runs here: one transaction whose first statement sets the
 * commune, user and scope with `set_config(…, true)` (transaction-local, so nothing leaks to the
 * next user of the pooled connection). Repositories reach the transaction through `query()`,
 * which fails loudly outside of it.
 */
@Injectable()
export class TenantTransaction {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(context: DbContext, work: () => Promise<T>): Promise<T> {
    if (active.getStore()) {
      throw new Error('TenantTransaction.run cannot be nested: one request, one transaction per context.');
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `select set_config('app.commune_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.scope', $3, true), set_config('app.invitation_token_hash', $4, true)`,
        [context.communeId ?? '', context.userId ?? '', context.scope, context.invitationTokenHash ?? ''],
      );
      return active.run({ manager, context }, work);
    });
  }

  /**
   * Binds the transaction to an account created inside it (accepting an invitation creates the
   * account and its membership atomically), so that the `self` policies see that account.
   */
  async bindUser(userId: string): Promise<void> {
    const transaction = this.current();
    await this.query(`select set_config('app.user_id', $1, true)`, [userId]);
    transaction.context = { ...transaction.context, userId };
  }

  get context(): DbContext {
    return this.current().context;
  }

  /**
   * Runs SQL in the active transaction and returns its rows (also for UPDATE … RETURNING).
   * Parameters only: never interpolate a value into the SQL text.
   */
  async query<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    const runner = this.current().manager.queryRunner;
    if (!runner) throw new MissingTenantContextError();
    const result = await runner.query(sql, [...parameters], true);
    return result.records as T[];
  }

  /**
   * Repositories take the commune first and check it is the one the transaction is scoped to,
   * so a mistake shows up as an error here rather than as an empty (or wrong) result.
   */
  assertCommune(communeId: string): void {
    if (!communeId) throw new Error('A commune id is required for this query.');
    const current = this.current().context.communeId;
    if (current !== communeId) {
      throw new Error(`This transaction is scoped to commune ${current ?? '(none)'}, not ${communeId}.`);
    }
  }

  private current(): ActiveTransaction {
    const transaction = active.getStore();
    if (!transaction) throw new MissingTenantContextError();
    return transaction;
  }
}
