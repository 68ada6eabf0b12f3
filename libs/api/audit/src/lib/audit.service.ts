import { Injectable } from '@nestjs/common';
import { RequestContext } from '@communes/api-core';
import { membershipRoleIn } from '@communes/shared-permissions';
import { AuditRepository } from './audit.repository';

export interface AuditInput {
  communeId: string;
  /** `<feature>.<verb>`, e.g. `commune.onboarded`, `member.role-changed`. */
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records who did what, in the same transaction as the change itself: if the change commits,
 * so does its trace; if it rolls back, no false trace remains.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly requestContext: RequestContext,
  ) {}

  async record(input: AuditInput): Promise<void> {
    const actor = this.requestContext.actor;
    const actorRole = actor.platformRole ?? membershipRoleIn(actor, input.communeId) ?? (actor.userId ? 'citizen' : 'anonymous');
    await this.repository.insert(input.communeId, {
      actorUserId: actor.userId,
      actorRole,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details: input.details ?? {},
      requestId: this.requestContext.requestId,
    });
  }
}
