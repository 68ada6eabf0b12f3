import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CommuneStatus } from '@communes/shared-contracts';
import {
  monitoringControllerAdoption,
  monitoringControllerPublications,
  monitoringControllerPublicationsCsv,
  type AdoptionMonitoringResponse,
  type CommunePublicationSummaryResponse,
  type PublicationsMonitoringResponse,
} from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export interface CommuneRow {
  slug: string;
  name: string;
  department: string;
  status: CommuneStatus;
  rank: number;
  score: number;
  /** Publications found among those the dashboard follows (current and previous year). */
  published: number;
  /** Of them, those the law expects. */
  expectedPublished: number;
  expectedTotal: number;
  /** Contracts awarded published, both years. */
  contracts: number;
  lastPublishedAt: string | null;
  daysSinceLastPublication: number | null;
  publications: CommunePublicationSummaryResponse['publications'];
}

export interface MonitoringData {
  fiscalYear: number;
  previousFiscalYear: number;
  maxScore: number;
  formula: { fr: string; en: string };
  adoption: AdoptionMonitoringResponse;
  rows: CommuneRow[];
}

/** The ministry's figures (`/api/v1/monitoring/*`, read only), on the generated client. */
@Injectable({ providedIn: 'root' })
export class MonitoringApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  async load(year?: number): Promise<MonitoringData> {
    const [publications, adoption] = await Promise.all([
      body(monitoringControllerPublications(this.http, this.root, year ? { year } : {})),
      body(monitoringControllerAdoption(this.http, this.root)),
    ]);
    return toData(publications, adoption);
  }

  /** The ranking as the API exports it (CSV), with the same filters. */
  csv(year: number, department?: string): Promise<string> {
    return body(monitoringControllerPublicationsCsv(this.http, this.root, { year, ...(department ? { department } : {}) }));
  }
}

export function toData(publications: PublicationsMonitoringResponse, adoption: AdoptionMonitoringResponse): MonitoringData {
  return {
    fiscalYear: publications.fiscalYear,
    previousFiscalYear: publications.previousFiscalYear,
    maxScore: publications.scoring.maxScore,
    formula: { fr: publications.scoring.formulaFr, en: publications.scoring.formulaEn },
    adoption,
    rows: publications.communes
      .filter((c) => c.status !== 'not_onboarded')
      .map((c) => {
        const expected = c.publications.filter((p) => p.expected);
        return {
          slug: c.slug,
          name: c.name,
          department: c.department,
          status: c.status,
          rank: c.rank,
          score: c.score,
          published: c.publications.filter((p) => p.published).length,
          expectedPublished: expected.filter((p) => p.published).length,
          expectedTotal: expected.length,
          contracts: c.contracts.reduce((sum, year) => sum + year.published, 0),
          lastPublishedAt: c.lastPublishedAt,
          daysSinceLastPublication: c.daysSinceLastPublication,
          publications: c.publications,
        };
      })
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'fr')),
  };
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
