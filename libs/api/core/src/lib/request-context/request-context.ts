import { Injectable } from '@nestjs/common';
import { ClsService, ClsStore } from 'nestjs-cls';
import { ANONYMOUS, type Actor, type AppAbility, defineAbilityFor } from '@communes/shared-permissions';

export interface RequestStore extends ClsStore {
  actor?: Actor;
  ability?: AppAbility;
}

/**
 * Who is calling, for the whole request: set once by the authentication guard, read by
 * services. Outside a request (seed, jobs) it reports the anonymous actor.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<RequestStore>) {}

  setActor(actor: Actor): void {
    this.cls.set('actor', actor);
    this.cls.set('ability', defineAbilityFor(actor));
  }

  get actor(): Actor {
    return (this.cls.isActive() && this.cls.get('actor')) || ANONYMOUS;
  }

  get ability(): AppAbility {
    return (this.cls.isActive() && this.cls.get('ability')) || defineAbilityFor(ANONYMOUS);
  }

  get requestId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }
}
