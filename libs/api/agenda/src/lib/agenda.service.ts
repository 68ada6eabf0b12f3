import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestContext, ValidationFailedError } from '@communes/api-core';
import { AuditService } from '@communes/api-audit';
import { CommuneAccess } from '@communes/api-communes';
import { AgendaEventFields, AgendaEventRecord, AgendaRepository } from './agenda.repository';

export const agendaSearchId = (id: string) => `agenda_event:${id}`;

export interface AgendaEventInput {
  title: string;
  description?: string;
  location?: string;
  startsAt: string;
  endsAt?: string;
}

@Injectable()
export class AgendaService {
  constructor(
    private readonly access: CommuneAccess,
    private readonly agenda: AgendaRepository,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
  ) {}

  /** Upcoming events by default (from now), or those of a period. */
  async list(slug: string, period: { from?: string; to?: string }): Promise<AgendaEventRecord[]> {
    const commune = await this.access.findBySlug(slug);
    const includeDrafts = this.access.scopeIn(commune.id) === 'staff';
    const from = period.from ? new Date(period.from) : period.to ? null : startOfToday();
    const to = period.to ? new Date(period.to) : null;
    return this.access.runIn(commune, () => this.agenda.list(commune.id, { from, to, includeDrafts, limit: 200 }));
  }

  async get(slug: string, id: string): Promise<AgendaEventRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const event = await this.require(commune.id, id);
      this.access.authorize('read', 'AgendaEvent', { communeId: commune.id, state: event.state });
      return event;
    });
  }

  async create(slug: string, input: AgendaEventInput & { publish?: boolean }): Promise<AgendaEventRecord> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('create', 'AgendaEvent', { communeId: commune.id, state: 'draft' });
    const fields = toFields(input);
    return this.access.runIn(commune, async () => {
      const event = await this.agenda.insert(commune.id, fields, input.publish ?? false, this.requestContext.actor.userId);
      if (event.state === 'published') await this.agenda.enqueueSearchUpdate(commune.id, agendaSearchId(event.id));
      await this.audit.record({ communeId: commune.id, action: 'agenda.created', targetType: 'agenda_event', targetId: event.id, details: { title: event.title, published: event.state === 'published' } });
      return event;
    });
  }

  async update(slug: string, id: string, input: AgendaEventInput): Promise<AgendaEventRecord> {
    const commune = await this.access.findBySlug(slug);
    const fields = toFields(input);
    return this.access.runIn(commune, async () => {
      const event = await this.require(commune.id, id, true);
      this.access.authorize('update', 'AgendaEvent', { communeId: commune.id, state: event.state });
      if (event.state === 'cancelled') throw new ConflictError('agenda.cancelled', 'A cancelled event cannot be changed.');
      const updated = await this.agenda.update(commune.id, id, fields);
      if (updated.state === 'published') await this.agenda.enqueueSearchUpdate(commune.id, agendaSearchId(id));
      await this.audit.record({ communeId: commune.id, action: 'agenda.updated', targetType: 'agenda_event', targetId: id, details: { title: updated.title } });
      return updated;
    });
  }

  async publish(slug: string, id: string): Promise<AgendaEventRecord> {
    return this.transition(slug, id, 'publish', async (communeId, event) => {
      if (event.state !== 'draft') throw new ConflictError('agenda.not-draft', 'Only a draft event can be published.');
      return this.agenda.setState(communeId, id, 'published', null);
    });
  }

  /** A published event that will not happen: it stays visible, marked cancelled, with the reason. */
  async cancel(slug: string, id: string, reason: string): Promise<AgendaEventRecord> {
    return this.transition(slug, id, 'update', async (communeId, event) => {
      if (event.state !== 'published') throw new ConflictError('agenda.not-published', 'Only a published event can be cancelled; delete a draft instead.');
      return this.agenda.setState(communeId, id, 'cancelled', reason.trim());
    });
  }

  async deleteDraft(slug: string, id: string): Promise<void> {
    const commune = await this.access.findBySlug(slug);
    await this.access.runIn(commune, async () => {
      const event = await this.require(commune.id, id, true);
      this.access.authorize('delete', 'AgendaEvent', { communeId: commune.id, state: event.state });
      if (!(await this.agenda.deleteDraft(commune.id, id))) {
        throw new ConflictError('agenda.not-draft', 'A published event is never deleted: cancel it with a reason instead.');
      }
      await this.audit.record({ communeId: commune.id, action: 'agenda.deleted', targetType: 'agenda_event', targetId: id, details: { title: event.title } });
    });
  }

  private async transition(
    slug: string,
    id: string,
    action: 'publish' | 'update',
    change: (communeId: string, event: AgendaEventRecord) => Promise<AgendaEventRecord>,
  ): Promise<AgendaEventRecord> {
    const commune = await this.access.findBySlug(slug);
    return this.access.runIn(commune, async () => {
      const event = await this.require(commune.id, id, true);
      this.access.authorize(action, 'AgendaEvent', { communeId: commune.id, state: event.state });
      const changed = await change(commune.id, event);
      await this.agenda.enqueueSearchUpdate(commune.id, agendaSearchId(id));
      await this.audit.record({ communeId: commune.id, action: `agenda.${changed.state}`, targetType: 'agenda_event', targetId: id, details: changed.cancellationReason ? { reason: changed.cancellationReason } : {} });
      return changed;
    });
  }

  private async require(communeId: string, id: string, lock = false): Promise<AgendaEventRecord> {
    const event = await this.agenda.find(communeId, id, { lock });
    if (!event) throw new NotFoundError('agenda.not-found', 'No such event in this commune.');
    return event;
  }
}

function toFields(input: AgendaEventInput): AgendaEventFields {
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt < startsAt) {
    throw new ValidationFailedError([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
  }
  return {
    title: input.title.trim(),
    description: input.description?.trim() || null,
    location: input.location?.trim() || null,
    startsAt,
    endsAt,
  };
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
