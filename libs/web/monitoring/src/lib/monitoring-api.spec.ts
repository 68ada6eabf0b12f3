import type { AdoptionMonitoringResponse, PublicationsMonitoringResponse } from '@communes/web-api-client';
import { toData } from './monitoring-api';

const adoption: AdoptionMonitoringResponse = {
  generatedAt: '2026-11-22T10:00:00Z',
  total: 77,
  byStatus: { not_onboarded: 73, onboarding: 1, active: 3, suspended: 0 },
  byDepartment: [],
  byMonth: [],
};

function commune(slug: string, rank: number, status: 'active' | 'not_onboarded', published: boolean[]) {
  return {
    communeId: slug,
    slug,
    name: slug,
    department: 'Littoral',
    status,
    isPilot: false,
    rank,
    score: published.filter(Boolean).length * 10,
    lastPublishedAt: null,
    daysSinceLastPublication: null,
    contracts: [
      { fiscalYear: 2026, published: 2 },
      { fiscalYear: 2025, published: 1 },
    ],
    publications: published.map((p, i) => ({ category: 'budget_primitif' as const, fiscalYear: 2026 - i, expected: i < 2, published: p, firstPublishedAt: null })),
  };
}

describe('toData', () => {
  it('keeps the onboarded communes by rank, counting publications, expected ones and contracts', () => {
    const publications: PublicationsMonitoringResponse = {
      fiscalYear: 2026,
      previousFiscalYear: 2025,
      generatedAt: '2026-11-22T10:00:00Z',
      scoring: { maxScore: 100, formulaFr: 'fr', formulaEn: 'en', pointsPerExpectedDocument: 10, pointsPerYearWithContracts: 5, freshness: [] },
      communes: [commune('b', 2, 'active', [true, false, true]), commune('a', 1, 'active', [true, true, false]), commune('z', 3, 'not_onboarded', [])],
    } as PublicationsMonitoringResponse;
    const data = toData(publications, adoption);
    expect(data.rows.map((r) => r.slug)).toEqual(['a', 'b']);
    expect(data.rows[1]).toMatchObject({ published: 2, expectedPublished: 1, expectedTotal: 2, contracts: 3 });
    expect(data.maxScore).toBe(100);
  });
});
