import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  COMMUNE_STATUS_TRANSITIONS,
  CommuneBranding,
  CommuneDetail,
  CommuneList,
  CommuneStatus,
  OnboardingChecklistItem,
} from '@communes/shared-contracts';
import { ConflictError, RequestContext, UnprocessableError, ValidationFailedError } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { AuditService } from '@communes/api-audit';
import { BrandingService } from './branding.service';
import { CommuneAccess } from './commune-access.service';
import { toCommuneDetail, toCommuneSummary } from './commune-presenter';
import { CommuneLastSessions, CommunesRepository } from './communes.repository';

export interface OnboardCommuneInput {
  slug: string;
  name?: string;
  department?: string;
  country?: string;
  population?: number;
}

@Injectable()
export class CommunesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly communes: CommunesRepository,
    private readonly access: CommuneAccess,
    private readonly audit: AuditService,
    private readonly requestContext: RequestContext,
    private readonly branding: BrandingService,
  ) {}

  async list(filter: { department?: string; status?: CommuneStatus }): Promise<CommuneList> {
    const records = await this.tx.run({ communeId: null, userId: null, scope: 'public' }, () => this.communes.list(filter));
    return { items: records.map(toCommuneSummary), total: records.length };
  }

  /** The commune's public page: its detail and how it presents itself. */
  async get(slug: string): Promise<CommuneDetail & { branding: CommuneBranding; sessions: CommuneLastSessions }> {
    const commune = await this.access.findBySlug(slug);
    const sessions = await this.access.runIn(commune, () => this.communes.lastSessions(commune.id), 'public');
    return { ...toCommuneDetail(commune), branding: await this.branding.brandingOf(commune), sessions };
  }

  /**
   * ANCB onboards a commune: one of the national list (it moves to "onboarding") or a new one
   * (created in "onboarding"). One row written whatever the number of communes.
   */
  async onboard(input: OnboardCommuneInput): Promise<CommuneDetail> {
    const userId = this.requestContext.actor.userId;
    const existing = await this.tx.run({ communeId: null, userId, scope: 'public' }, () => this.communes.findBySlug(input.slug));
    if (existing) {
      if (existing.status !== 'not_onboarded') {
        throw new ConflictError('commune.already-onboarded', `${existing.name} is already ${existing.status.replace('_', ' ')}.`);
      }
      return this.changeStatus(existing.slug, 'onboarding', null);
    }
    if (!input.name || !input.department) {
      throw new ValidationFailedError([
        ...(input.name ? [] : [{ field: 'name', messages: ['name is required for a commune that is not on the national list'] }]),
        ...(input.department ? [] : [{ field: 'department', messages: ['department is required for a commune that is not on the national list'] }]),
      ]);
    }
    const { name, department } = input;
    // The id is chosen here so that the row and its audit event share one transaction.
    const communeId = randomUUID();
    const created = await this.tx.run({ communeId, userId, scope: 'platform' }, async () => {
      const commune = await this.communes.insertOnboarding({
        id: communeId,
        slug: input.slug,
        name,
        department,
        country: input.country ?? 'BJ',
        population: input.population ?? null,
      });
      if (commune) {
        await this.audit.record({ communeId, action: 'commune.onboarded', targetType: 'commune', targetId: communeId, details: { slug: input.slug, created: true } });
      }
      return commune;
    });
    if (!created) throw new ConflictError('commune.slug-taken', `The identifier "${input.slug}" is already used.`);
    return toCommuneDetail(created);
  }

  async changeStatus(slug: string, to: CommuneStatus, reason: string | null): Promise<CommuneDetail> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('change_status', 'Commune', { communeId: commune.id });
    if (!COMMUNE_STATUS_TRANSITIONS[commune.status].includes(to)) {
      throw new UnprocessableError(
        'commune.invalid-status-transition',
        `A commune that is ${commune.status} cannot become ${to}. Allowed: ${COMMUNE_STATUS_TRANSITIONS[commune.status].join(', ') || 'none'}.`,
      );
    }
    if (to === 'suspended' && !reason?.trim()) {
      throw new ValidationFailedError([{ field: 'reason', messages: ['reason is required to suspend a commune'] }]);
    }
    const updated = await this.access.runIn(commune, async () => {
      const changed = await this.communes.changeStatus(commune.id, commune.status, to, to === 'suspended' ? (reason ?? '').trim() : null);
      if (!changed) return null;
      await this.audit.record({
        communeId: commune.id,
        action: to === 'onboarding' ? 'commune.onboarded' : 'commune.status-changed',
        targetType: 'commune',
        targetId: commune.id,
        details: { from: commune.status, to, ...(reason ? { reason } : {}) },
      });
      return changed;
    }, 'platform');
    if (!updated) throw new ConflictError('commune.status-changed-concurrently', 'The commune changed meanwhile; reload and try again.');
    return toCommuneDetail(updated);
  }

  async updateChecklist(slug: string, items: Partial<Record<OnboardingChecklistItem, boolean>>): Promise<CommuneDetail> {
    const commune = await this.access.findBySlug(slug);
    this.access.authorize('update', 'Commune', { communeId: commune.id });
    const updated = await this.access.runIn(commune, async () => {
      const changed = await this.communes.setChecklist(commune.id, items);
      await this.audit.record({ communeId: commune.id, action: 'commune.checklist-updated', targetType: 'commune', targetId: commune.id, details: items });
      return changed;
    });
    return toCommuneDetail(updated);
  }
}
