import { Injectable } from '@nestjs/common';
import {
  COMMUNE_STATUSES,
  EXPECTED_PUBLICATIONS,
  type AdoptionMonitoring,
  type CommuneStatus,
  type PublicationsMonitoring,
} from '@communes/shared-contracts';
import { RequestContext } from '@communes/api-core';
import { TenantTransaction } from '@communes/api-database';
import { MonitoringRepository } from './monitoring.repository';
import { rank, SCORING, summarize } from './publication-score';

/** The fiscal year is the calendar year; "now" is Benin's (UTC+1, no daylight saving). */
export function currentFiscalYear(now: Date): number {
  return new Date(now.getTime() + 3_600_000).getUTCFullYear();
}

/**
 * National figures for the ministry and ANCB. Each answer is one statement over all communes in
 * the `monitoring` scope (published documents and contracts only; see the migration).
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly monitoring: MonitoringRepository,
    private readonly requestContext: RequestContext,
  ) {}

  async adoption(): Promise<AdoptionMonitoring> {
    const row = await this.run(() => this.monitoring.adoption());
    const byStatus = Object.fromEntries(COMMUNE_STATUSES.map((status) => [status, 0])) as Record<CommuneStatus, number>;
    for (const { status, count } of row.byStatus) byStatus[status] = count;
    return {
      generatedAt: new Date().toISOString(),
      total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      byStatus,
      byDepartment: row.byDepartment,
      byMonth: row.byMonth,
    };
  }

  async publications(filter: { fiscalYear?: number; department?: string; status?: CommuneStatus }): Promise<PublicationsMonitoring> {
    const now = new Date();
    const fiscalYear = filter.fiscalYear ?? currentFiscalYear(now);
    const categories = [...new Set(EXPECTED_PUBLICATIONS.map((p) => p.category))];
    const rows = await this.run(() => this.monitoring.publications(fiscalYear, categories));
    // Ranked over all communes, then filtered: a commune's rank does not depend on the filter.
    const ranked = rank(rows.map((row) => summarize(row, fiscalYear, now)));
    return {
      fiscalYear,
      previousFiscalYear: fiscalYear - 1,
      generatedAt: now.toISOString(),
      scoring: SCORING,
      communes: ranked.filter((c) => (!filter.department || c.department === filter.department) && (!filter.status || c.status === filter.status)),
    };
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return this.tx.run({ communeId: null, userId: this.requestContext.actor.userId, scope: 'monitoring' }, work);
  }
}
