import { Injectable } from '@nestjs/common';
import { ForbiddenActionError, NotFoundError, RequestContext } from '@communes/api-core';
import { dataScopeFor, DataScope, TenantTransaction } from '@communes/api-database';
import { Action, asSubject, SubjectShapes, SubjectType } from '@communes/shared-permissions';
import { CommuneRecord, CommunesRepository } from './communes.repository';

/**
 * The path every commune-scoped request takes: find the commune by its slug, check the
 * caller's ability on the record, then work inside that commune's transaction with the scope
 * the caller's role opens.
 */
@Injectable()
export class CommuneAccess {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly communes: CommunesRepository,
    private readonly requestContext: RequestContext,
  ) {}

  async findBySlug(slug: string): Promise<CommuneRecord> {
    const commune = await this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'public' }, () =>
      this.communes.findBySlug(slug),
    );
    if (!commune) throw new NotFoundError('commune.not-found', `No commune has the identifier "${slug}".`);
    return commune;
  }

  /** Throws 403 unless the caller may do `action` on this record. */
  authorize<K extends SubjectType>(action: Action, type: K, record: SubjectShapes[K]): void {
    if (!this.requestContext.ability.can(action, asSubject(type, record))) throw new ForbiddenActionError();
  }

  scopeIn(communeId: string): DataScope {
    return dataScopeFor(this.requestContext.actor, communeId);
  }

  runIn<T>(commune: CommuneRecord, work: () => Promise<T>, scope: DataScope = this.scopeIn(commune.id)): Promise<T> {
    return this.tx.run({ communeId: commune.id, userId: this.requestContext.actor.userId, scope }, work);
  }
}
