import type { DocumentResponse } from '@communes/web-api-client';
import { ranked, toCsv, toRow } from './monitoring-api';

function doc(category: string, fiscalYear: number, publishedAt = '2026-03-01T10:00:00Z'): DocumentResponse {
  return {
    id: `${category}-${fiscalYear}`,
    communeId: 'c',
    category: category as DocumentResponse['category'],
    fiscalYear,
    title: category,
    description: null,
    state: 'published',
    publishedAt,
    withdrawnAt: null,
    withdrawalReason: null,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  } as DocumentResponse;
}

describe('monitoring figures', () => {
  it('checks the legally expected publications of the current and previous fiscal years', () => {
    const row = toRow('cotonou', 'Cotonou', 'Littoral', 'active', [doc('budget_primitif', 2026), doc('compte_administratif', 2025, '2026-06-30T08:00:00Z'), doc('deliberation', 2026)], 2026);
    expect(row.publishedDocuments).toBe(3);
    // budget primitif, PTA, PPM for 2026 and 2025, plus the compte administratif of 2025.
    expect(row.expected).toHaveLength(7);
    expect(row.expected.filter((e) => e.published).map((e) => `${e.category} ${e.fiscalYear}`)).toEqual(['budget_primitif 2026', 'compte_administratif 2025']);
    expect(row.score).toBe(2);
    expect(row.lastPublishedAt).toBe('2026-06-30T08:00:00Z');
  });

  it('ranks by score, equal scores sharing a rank', () => {
    const rows = ranked([
      toRow('a', 'Abomey', 'Zou', 'active', [], 2026),
      toRow('b', 'Bohicon', 'Zou', 'active', [doc('budget_primitif', 2026)], 2026),
      toRow('c', 'Cotonou', 'Littoral', 'active', [doc('budget_primitif', 2026)], 2026),
    ]);
    expect(rows.map((r) => [r.name, r.rank])).toEqual([
      ['Bohicon', 1],
      ['Cotonou', 1],
      ['Abomey', 3],
    ]);
  });

  it('exports CSV for spreadsheets: BOM, semicolons, quoted when needed', () => {
    const csv = toCsv([toRow('a', 'Commune; "A"', 'Zou', 'active', [], 2026)], ['rang', 'commune']);
    expect(csv.startsWith('\uFEFFrang;commune\r\n')).toBe(true);
    expect(csv).toContain('"Commune; ""A"""');
  });
});
