import type { SearchRecord } from '@communes/shared-contracts';
import { SearchEngine, SearchQuery, SearchResult } from '../search-engine';
import { InvalidSearchQueryError, InvalidSearchRecordError, searchRecordHash } from '../search-validation';
import {
  AGENDA_REDDITION,
  BUDGET_PRIMITIF_2024,
  COMMUNES,
  COMPTE_ADMINISTRATIF_2023,
  CONTRACT_DANTOKPA,
  CONTRACT_TABLES_BANCS,
  CONTRACT_ZOGBO,
  DELIBERATION_SCRIPT,
  LINE_LATRINES,
  LINE_ROUTES,
  LINE_SALAIRES,
  PLAN_PASSATION_2025,
  SEARCH_CORPUS,
  SESSION_CONSEIL,
} from './search-fixtures';

export interface SearchEngineUnderTest {
  engine: SearchEngine;
  /** Releases what the factory opened (connections, a test index). */
  close(): Promise<void>;
}

/**
 * The behaviour every SearchEngine adapter must have (DESIGN.md "Every port has one contract
 * test suite that each adapter passes"). Assertions on which records match are exact where the
 * behaviour is deterministic (filters, facets, sorts) and "contains" where an engine may
 * reasonably find more (typo tolerance).
 */
export function describeSearchEngineContract(name: string, factory: () => Promise<SearchEngineUnderTest>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let subject: SearchEngineUnderTest;
    let engine: SearchEngine;

    beforeAll(async () => {
      subject = await factory();
      engine = subject.engine;
    });

    afterAll(async () => {
      await subject?.close();
    });

    async function reset(): Promise<void> {
      await engine.removeAll();
      await engine.upsert(SEARCH_CORPUS);
    }

    function search(query: Partial<SearchQuery>): Promise<SearchResult> {
      return engine.search({ q: '', sort: 'relevance', page: 1, pageSize: 50, ...query });
    }

    async function ids(query: Partial<SearchQuery>): Promise<string[]> {
      return (await search(query)).hits.map((hit) => hit.record.id);
    }

    const idsOf = (...records: SearchRecord[]) => records.map((record) => record.id);
    const sorted = (values: string[]) => [...values].sort();

    describe('reading', () => {
      beforeAll(reset);

      it('counts and lists what it holds, with fingerprints that match the records', async () => {
        expect(await engine.count()).toBe(SEARCH_CORPUS.length);
        const fingerprints: { id: string; hash: string }[] = [];
        for await (const fingerprint of engine.fingerprints(5)) fingerprints.push(fingerprint);
        expect(sorted(fingerprints.map((f) => f.id))).toEqual(sorted(idsOf(...SEARCH_CORPUS)));
        for (const { id, hash } of fingerprints) {
          const record = SEARCH_CORPUS.find((r) => r.id === id);
          expect(record && searchRecordHash(record)).toBe(hash);
        }
        const all: string[] = [];
        for await (const id of engine.allIds()) all.push(id);
        expect(sorted(all)).toEqual(sorted(idsOf(...SEARCH_CORPUS)));
      });

      it('returns records exactly as they were indexed', async () => {
        const result = await search({ sort: 'date' });
        expect(result.total).toBe(SEARCH_CORPUS.length);
        for (const hit of result.hits) {
          expect(hit.record).toEqual(SEARCH_CORPUS.find((r) => r.id === hit.record.id));
        }
      });

      it('forgives missing accents and finds accented words', async () => {
        expect(await ids({ q: 'ecole' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'école' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'deliberation eclairage' })).toContain(DELIBERATION_SCRIPT.id);
      });

      it('finds singular and plural forms', async () => {
        expect(await ids({ q: 'écoles' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'route' })).toContain(LINE_ROUTES.id);
      });

      it('tolerates typos', async () => {
        expect(await ids({ q: 'constructon' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'marche constructon ecole' })).toContain(CONTRACT_ZOGBO.id);
      });

      it('finds a contract by its awardee', async () => {
        expect(await ids({ q: 'Houénou' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'houenou' })).toContain(CONTRACT_ZOGBO.id);
        expect(await ids({ q: 'Entreprise Houénou & Fils' })).toContain(CONTRACT_ZOGBO.id);
      });

      it('finds records by commune name', async () => {
        expect(sorted(await ids({ q: 'Missérété' }))).toEqual(
          expect.arrayContaining(idsOf(PLAN_PASSATION_2025, CONTRACT_TABLES_BANCS, LINE_ROUTES)),
        );
      });

      it('ranks a title match first', async () => {
        const result = await search({ q: 'budget primitif' });
        expect(result.hits[0]?.record.id).toBe(BUDGET_PRIMITIF_2024.id);
        expect(result.total).toBeGreaterThanOrEqual(4);
      });

      it('finds nothing for a word that is nowhere', async () => {
        const result = await search({ q: 'hippopotame' });
        expect(result).toMatchObject({ hits: [], total: 0 });
      });

      it('lists everything that matches the filters when the text is empty', async () => {
        const result = await search({ kinds: ['budget_line'] });
        expect(result.total).toBe(3);
        expect(sorted(result.hits.map((h) => h.record.id))).toEqual(sorted(idsOf(LINE_ROUTES, LINE_LATRINES, LINE_SALAIRES)));
      });

      it('filters by commune, by id or slug', async () => {
        const cotonou = idsOf(BUDGET_PRIMITIF_2024, CONTRACT_DANTOKPA, LINE_SALAIRES, SESSION_CONSEIL, DELIBERATION_SCRIPT);
        expect(sorted(await ids({ communeSlugs: ['cotonou'] }))).toEqual(sorted(cotonou));
        expect(sorted(await ids({ communeIds: [COMMUNES.cotonou.communeId] }))).toEqual(sorted(cotonou));
        expect(sorted(await ids({ communeSlugs: ['cotonou', 'akpro-misserete'] }))).toEqual(
          sorted([...cotonou, ...idsOf(PLAN_PASSATION_2025, CONTRACT_TABLES_BANCS, LINE_ROUTES)]),
        );
      });

      it('filters by department, kind, category and fiscal year', async () => {
        expect(sorted(await ids({ departments: ['Ouémé'] }))).toEqual(
          sorted(idsOf(PLAN_PASSATION_2025, CONTRACT_TABLES_BANCS, LINE_ROUTES)),
        );
        expect(sorted(await ids({ kinds: ['contract'] }))).toEqual(
          sorted(idsOf(CONTRACT_ZOGBO, CONTRACT_DANTOKPA, CONTRACT_TABLES_BANCS)),
        );
        expect(sorted(await ids({ categories: ['investissement'] }))).toEqual(sorted(idsOf(LINE_ROUTES, LINE_LATRINES)));
        expect(sorted(await ids({ fiscalYears: [2023, 2025] }))).toEqual(
          sorted(idsOf(COMPTE_ADMINISTRATIF_2023, PLAN_PASSATION_2025, CONTRACT_TABLES_BANCS, DELIBERATION_SCRIPT)),
        );
        expect(sorted(await ids({ kinds: ['contract'], departments: ['Atlantique'] }))).toEqual(idsOf(CONTRACT_ZOGBO));
      });

      it('filters by amount range, bounds included, leaving out records without an amount', async () => {
        expect(sorted(await ids({ amountMin: '12500000', amountMax: '45000000' }))).toEqual(
          sorted(idsOf(CONTRACT_ZOGBO, LINE_ROUTES, CONTRACT_TABLES_BANCS)),
        );
        expect(sorted(await ids({ amountMin: '1000000000' }))).toEqual(idsOf(LINE_SALAIRES));
        expect(sorted(await ids({ amountMax: '8000000' }))).toEqual(idsOf(LINE_LATRINES));
      });

      it('combines text and filters', async () => {
        const hits = (await search({ q: 'marché', communeSlugs: ['cotonou'] })).hits;
        expect(hits.map((h) => h.record.id)).toContain(CONTRACT_DANTOKPA.id);
        expect(new Set(hits.map((h) => h.record.communeSlug))).toEqual(new Set(['cotonou']));
      });

      it('counts facets over every match with all the filters', async () => {
        const all = await search({});
        expect(all.total).toBe(12);
        expect(all.facets.communes).toEqual([
          { value: 'cotonou', count: 5 },
          { value: 'abomey-calavi', count: 4 },
          { value: 'akpro-misserete', count: 3 },
        ]);
        expect(all.facets.departments).toEqual([
          { value: 'Littoral', count: 5 },
          { value: 'Atlantique', count: 4 },
          { value: 'Ouémé', count: 3 },
        ]);
        expect(all.facets.kinds).toEqual([
          { value: 'document', count: 4 },
          { value: 'budget_line', count: 3 },
          { value: 'contract', count: 3 },
          { value: 'agenda_event', count: 1 },
          { value: 'session', count: 1 },
        ]);
        expect(all.facets.categories).toEqual([
          { value: 'investissement', count: 2 },
          { value: 'works', count: 2 },
          { value: 'budget_primitif', count: 1 },
          { value: 'compte_administratif', count: 1 },
          { value: 'deliberation', count: 1 },
          { value: 'fonctionnement', count: 1 },
          { value: 'goods', count: 1 },
          { value: 'plan_passation_marches', count: 1 },
        ]);
        expect(all.facets.fiscalYears).toEqual([
          { value: '2024', count: 6 },
          { value: '2025', count: 3 },
          { value: '2023', count: 1 },
        ]);

        const contracts = await search({ kinds: ['contract'], fiscalYears: [2024] });
        expect(contracts.total).toBe(2);
        expect(contracts.facets.communes).toEqual([
          { value: 'abomey-calavi', count: 1 },
          { value: 'cotonou', count: 1 },
        ]);
        expect(contracts.facets.kinds).toEqual([{ value: 'contract', count: 2 }]);
        expect(contracts.facets.fiscalYears).toEqual([{ value: '2024', count: 2 }]);

        const text = await search({ q: 'budget primitif' });
        expect(text.facets.kinds.reduce((sum, f) => sum + f.count, 0)).toBe(text.total);
      });

      it('sorts by amount, records without an amount last', async () => {
        const desc = await search({ sort: 'amount', direction: 'desc' });
        expect(desc.hits.slice(0, 6).map((h) => h.record.id)).toEqual(
          idsOf(LINE_SALAIRES, CONTRACT_DANTOKPA, CONTRACT_ZOGBO, LINE_ROUTES, CONTRACT_TABLES_BANCS, LINE_LATRINES),
        );
        expect(desc.hits.slice(6).every((h) => h.record.amount === null)).toBe(true);
        const asc = await search({ sort: 'amount', direction: 'asc', kinds: ['contract'] });
        expect(asc.hits.map((h) => h.record.id)).toEqual(idsOf(CONTRACT_TABLES_BANCS, CONTRACT_ZOGBO, CONTRACT_DANTOKPA));
      });

      it('sorts by date either way, records without a date last', async () => {
        const dates = (result: SearchResult) => result.hits.map((h) => h.record.date);
        const desc = dates(await search({ sort: 'date', direction: 'desc' }));
        expect(desc[0]).toBe(DELIBERATION_SCRIPT.date);
        expect(desc[1]).toBe(SESSION_CONSEIL.date);
        expect(desc.at(-1)).toBeNull();
        const known = SEARCH_CORPUS.map((r) => r.date).filter((d): d is string => d !== null);
        expect(desc.slice(0, -1)).toEqual([...known].sort().reverse());
        const asc = dates(await search({ sort: 'date', direction: 'asc' }));
        expect(asc).toEqual([...[...known].sort(), null]);
        expect(AGENDA_REDDITION.date).toBeNull();
      });

      it('pages without overlap, with the same total on every page', async () => {
        const seen: string[] = [];
        for (const page of [1, 2, 3]) {
          const result = await search({ sort: 'date', page, pageSize: 5 });
          expect(result).toMatchObject({ total: 12, page, pageSize: 5 });
          expect(result.hits).toHaveLength(page < 3 ? 5 : 2);
          seen.push(...result.hits.map((h) => h.record.id));
        }
        expect(sorted(seen)).toEqual(sorted(idsOf(...SEARCH_CORPUS)));
        const beyond = await search({ sort: 'date', page: 4, pageSize: 5 });
        expect(beyond).toMatchObject({ hits: [], total: 12 });
      });

      it('highlights matches with <mark> in escaped text', async () => {
        const zogbo = (await search({ q: 'école Houénou' })).hits.find((h) => h.record.id === CONTRACT_ZOGBO.id);
        expect(zogbo?.highlights.title).toContain('<mark>école</mark>');
        expect(zogbo?.highlights.title).not.toContain("'");
        expect(zogbo?.highlights.body).toContain('<mark>Houénou</mark>');
        expect(zogbo?.highlights.body).toContain('&amp;');

        const script = (await search({ q: 'éclairage' })).hits.find((h) => h.record.id === DELIBERATION_SCRIPT.id);
        expect(script?.highlights.title).toContain('<mark>éclairage</mark>');
        expect(script?.highlights.title).toContain('&lt;script&gt;');
        expect(script?.highlights.title).not.toMatch(/<(?!\/?mark>)/);
        expect(script?.highlights.body).not.toMatch(/<(?!\/?mark>)/);
        // The record itself stays as published: whoever renders it escapes it.
        expect(script?.record.title).toBe(DELIBERATION_SCRIPT.title);
      });

      it('has no highlights without text', async () => {
        const result = await search({ kinds: ['session'] });
        expect(result.hits[0]?.highlights).toEqual({});
      });

      it('refuses an invalid query', async () => {
        await expect(search({ pageSize: 51 })).rejects.toThrow(InvalidSearchQueryError);
        await expect(search({ page: 0 })).rejects.toThrow(InvalidSearchQueryError);
        await expect(search({ amountMin: '12.5' })).rejects.toThrow(InvalidSearchQueryError);
        await expect(search({ communeIds: ['cotonou'] })).rejects.toThrow(InvalidSearchQueryError);
      });
    });

    describe('writing', () => {
      beforeEach(reset);

      it('upserts idempotently by id, the last version winning', async () => {
        await engine.upsert([CONTRACT_ZOGBO]);
        await engine.upsert([CONTRACT_ZOGBO]);
        expect(await engine.count()).toBe(SEARCH_CORPUS.length);

        const renamed = { ...CONTRACT_ZOGBO, title: 'Construction de la maternelle de Zogbo' };
        await engine.upsert([{ ...CONTRACT_ZOGBO, title: 'version intermédiaire' }, renamed]);
        expect(await engine.count()).toBe(SEARCH_CORPUS.length);
        expect(await ids({ q: 'maternelle' })).toEqual([CONTRACT_ZOGBO.id]);
        expect(await ids({ q: 'intermédiaire' })).toEqual([]);
        const fingerprints: { id: string; hash: string }[] = [];
        for await (const f of engine.fingerprints()) fingerprints.push(f);
        expect(fingerprints.find((f) => f.id === CONTRACT_ZOGBO.id)?.hash).toBe(searchRecordHash(renamed));
      });

      it('removes records, ignoring unknown ids', async () => {
        await engine.remove([DELIBERATION_SCRIPT.id, 'document:00000000-0000-4000-8000-000000000000']);
        expect(await engine.count()).toBe(SEARCH_CORPUS.length - 1);
        expect(await ids({ q: 'délibération' })).not.toContain(DELIBERATION_SCRIPT.id);
        await engine.remove([]);
        expect(await engine.count()).toBe(SEARCH_CORPUS.length - 1);
      });

      it('removes everything for a rebuild', async () => {
        await engine.removeAll();
        expect(await engine.count()).toBe(0);
        const result = await search({});
        expect(result).toMatchObject({ hits: [], total: 0 });
        expect(result.facets.kinds).toEqual([]);
        await engine.upsert(SEARCH_CORPUS);
        expect(await engine.count()).toBe(SEARCH_CORPUS.length);
      });

      it('refuses an invalid record and writes nothing of its batch', async () => {
        const valid = { ...CONTRACT_ZOGBO, id: 'contract:0b6e2c3a-1d4f-4a8b-9c01-0000000000ff' };
        for (const invalid of [
          { ...CONTRACT_ZOGBO, amount: '45 000 000' },
          { ...CONTRACT_ZOGBO, id: 'document:0b6e2c3a-1d4f-4a8b-9c01-000000000004' },
          { ...CONTRACT_ZOGBO, date: 'mars 2024' },
        ]) {
          await expect(engine.upsert([valid, invalid])).rejects.toThrow(InvalidSearchRecordError);
        }
        expect(await engine.count()).toBe(SEARCH_CORPUS.length);
      });
    });
  });
}
