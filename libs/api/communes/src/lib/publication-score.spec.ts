import type { PublicationsMonitoring } from '@communes/shared-contracts';
import { publicationsCsv } from './monitoring-csv';
import type { PublicationRow } from './monitoring.repository';
import { rank, SCORING, score, summarize } from './publication-score';

const NOW = new Date('2026-06-15T12:00:00Z');
const row = (overrides: Partial<PublicationRow> = {}): PublicationRow => ({
  communeId: '0a000000-0000-4000-8000-00000000000a',
  slug: 'cotonou',
  name: 'Cotonou',
  department: 'Littoral',
  status: 'active',
  isPilot: true,
  firstPublished: {},
  contractsCurrent: 0,
  contractsPrevious: 0,
  lastPublishedAt: null,
  ...overrides,
});

describe('the transparency score', () => {
  it('is 0 for a commune that published nothing, 100 for one that published everything expected, recently', () => {
    expect(summarize(row(), 2026, NOW).score).toBe(0);
    const everything: Record<string, string> = {};
    for (const key of ['budget_primitif', 'plan_travail_annuel', 'plan_passation_marches']) {
      everything[`${key}:2026`] = '2026-02-01T00:00:00Z';
      everything[`${key}:2025`] = '2025-02-01T00:00:00Z';
    }
    everything['compte_administratif:2025'] = '2026-05-01T00:00:00Z';
    const full = summarize(row({ firstPublished: everything, contractsCurrent: 2, contractsPrevious: 5, lastPublishedAt: new Date('2026-05-01T00:00:00Z') }), 2026, NOW);
    expect(full.score).toBe(SCORING.maxScore);
    expect(full.daysSinceLastPublication).toBe(45);
  });

  it("does not count the current year's compte administratif (not due yet), but shows it", () => {
    const summary = summarize(row({ firstPublished: { 'compte_administratif:2026': '2026-03-01T00:00:00Z' } }), 2026, NOW);
    expect(summary.publications.find((p) => p.category === 'compte_administratif' && p.fiscalYear === 2026)).toMatchObject({ expected: false, published: true });
    expect(summary.score).toBe(0);
  });

  it('gives freshness points by steps', () => {
    expect(score([], [], null)).toBe(0);
    expect(score([], [], 90)).toBe(10);
    expect(score([], [], 91)).toBe(5);
    expect(score([], [], 365)).toBe(5);
    expect(score([], [], 366)).toBe(0);
  });

  it('ranks best first, equal scores sharing a rank', () => {
    const ranked = rank([
      { ...summarize(row({ name: 'B', lastPublishedAt: new Date('2026-06-01') }), 2026, NOW) },
      { ...summarize(row({ name: 'A' }), 2026, NOW) },
      { ...summarize(row({ name: 'C', lastPublishedAt: new Date('2026-06-01') }), 2026, NOW) },
    ]);
    expect(ranked.map((c) => [c.name, c.score, c.rank])).toEqual([['B', 10, 1], ['C', 10, 1], ['A', 0, 3]]);
  });
});

describe('the CSV export', () => {
  it('opens in French Excel: BOM, semicolons, CRLF, French headers, quoted and formula-safe cells', () => {
    const summary = rank([summarize(row({ name: 'Akpro-Missérété; "Est"', department: '=Ouémé', lastPublishedAt: new Date('2026-06-01T10:00:00Z') }), 2026, NOW)]);
    const data: PublicationsMonitoring = { fiscalYear: 2026, previousFiscalYear: 2025, generatedAt: NOW.toISOString(), scoring: SCORING, communes: summary };
    const csv = publicationsCsv(data);
    expect(csv.startsWith('\uFEFFRang;Commune;Département;Statut;Score (sur 100);Budget primitif 2026;Compte administratif 2026 (pas encore exigible);')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`1;"Akpro-Missérété; ""Est""";'=Ouémé;active;10;non;non;non;non;non;non;non;non;0;0;2026-06-01;14`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps its headers when no commune matches the filter', () => {
    const csv = publicationsCsv({ fiscalYear: 2026, previousFiscalYear: 2025, generatedAt: NOW.toISOString(), scoring: SCORING, communes: [] });
    expect(csv.split('\r\n')[0]).toContain('Plan de passation des marchés 2025;Marchés publiés 2025;Marchés publiés 2026;Dernière publication');
  });
});
