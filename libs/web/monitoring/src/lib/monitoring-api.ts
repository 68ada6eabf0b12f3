import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { EXPECTED_PUBLICATIONS, type CommuneStatus, type DocumentCategory } from '@communes/shared-contracts';
import { communesControllerList, documentsControllerList, type DocumentResponse } from '@communes/web-api-client';
import { API_BASE_URL, toApiError } from '@communes/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

export interface ExpectedCell {
  category: DocumentCategory;
  fiscalYear: number;
  published: boolean;
}

export interface CommuneRow {
  slug: string;
  name: string;
  department: string;
  status: CommuneStatus;
  publishedDocuments: number;
  expected: ExpectedCell[];
  /** Expected publications present, out of `expected.length`. */
  score: number;
  lastPublishedAt: string | null;
  rank: number;
}

export interface MonitoringData {
  fiscalYear: number;
  counts: Record<CommuneStatus, number>;
  rows: CommuneRow[];
}

/**
 * The ministry's figures, computed in the browser from the public endpoints (directory, then
 * each onboarded commune's published documents): what a visitor can read, nothing more.
 * The monitoring endpoints under construction in the API will replace these N calls.
 */
@Injectable({ providedIn: 'root' })
export class MonitoringApi {
  private readonly http = inject(HttpClient);
  private readonly root = inject(API_BASE_URL);

  async load(fiscalYear = new Date().getFullYear()): Promise<MonitoringData> {
    const communes = (await body(communesControllerList(this.http, this.root, {}))).items;
    const counts = { not_onboarded: 0, onboarding: 0, active: 0, suspended: 0 } as Record<CommuneStatus, number>;
    for (const c of communes) counts[c.status as CommuneStatus]++;
    const onboarded = communes.filter((c) => c.status !== 'not_onboarded');
    const rows = await Promise.all(
      onboarded.map(async (c) => {
        const documents = (await body(documentsControllerList(this.http, this.root, { slug: c.slug }))).filter((d) => d.state === 'published');
        return toRow(c.slug, c.name, c.department, c.status as CommuneStatus, documents, fiscalYear);
      }),
    );
    return { fiscalYear, counts, rows: ranked(rows) };
  }
}

export function toRow(slug: string, name: string, department: string, status: CommuneStatus, documents: DocumentResponse[], fiscalYear: number): CommuneRow {
  const expected = EXPECTED_PUBLICATIONS.filter((e) => e.expected).map((e) => {
    const year = fiscalYear + e.yearOffset;
    return { category: e.category, fiscalYear: year, published: documents.some((d) => d.category === e.category && d.fiscalYear === year) };
  });
  const dates = documents.map((d) => d.publishedAt).filter((d): d is string => !!d).sort();
  return {
    slug,
    name,
    department,
    status,
    publishedDocuments: documents.length,
    expected,
    score: expected.filter((e) => e.published).length,
    lastPublishedAt: dates.at(-1) ?? null,
    rank: 0,
  };
}

/** Best score first; equal scores share a rank (1, 2, 2, 4). */
export function ranked(rows: CommuneRow[]): CommuneRow[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || b.publishedDocuments - a.publishedDocuments || a.name.localeCompare(b.name, 'fr'));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || sorted[index - 1].score !== row.score) rank = index + 1;
    return { ...row, rank };
  });
}

/** The table as CSV (semicolon separated, as French spreadsheets expect; UTF-8 with BOM). */
export function toCsv(rows: CommuneRow[], headers: string[]): string {
  const escape = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.map((r) =>
    [r.rank, r.name, r.department, r.status, r.publishedDocuments, r.score, r.expected.length, r.lastPublishedAt, ...r.expected.map((e) => (e.published ? 1 : 0))]
      .map(escape)
      .join(';'),
  );
  return '\uFEFF' + [headers.map(escape).join(';'), ...lines].join('\r\n') + '\r\n';
}

async function body<T>(request: Observable<{ body: T }>): Promise<T> {
  try {
    return (await firstValueFrom(request)).body;
  } catch (error) {
    throw error instanceof HttpErrorResponse ? toApiError(error) : error;
  }
}
