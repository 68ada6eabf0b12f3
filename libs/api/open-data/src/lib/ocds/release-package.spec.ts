import { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from '@communes/shared-contracts';
import { OpenDataExportError } from '../values';
import type { BuildReleasePackageInput, OcdsCommune, OcdsContract, OcdsReleasePackage } from './ocds.types';
import { buildReleasePackage } from './release-package';
import { validateReleasePackage } from './validate-release-package';

const cotonou: OcdsCommune = {
  id: '0b6f6c36-3f5e-4a56-9a52-0d8f1c2e7a01',
  slug: 'cotonou',
  name: 'Cotonou',
  department: 'Littoral',
  country: 'BJ',
};
const akpro: OcdsCommune = {
  id: '5d2c1f9e-8a47-4b1e-b3c6-2f7e9d0a4b02',
  slug: 'akpro-misserete',
  name: 'Akpro-Missérété',
  department: 'Ouémé',
  country: 'BJ',
};

function contract(overrides: Partial<OcdsContract> & Pick<OcdsContract, 'id' | 'communeId'>): OcdsContract {
  return {
    reference: 'N°2024/001/MC/SG/PRMP',
    object: 'Construction de trois modules de classes à l’EPP de Zogbo',
    procurementMethod: 'open',
    category: 'works',
    awardeeName: 'Entreprise Générale de Construction du Bénin (EGCB) SARL',
    awardeeIdentifier: '3201912345678',
    amount: '87450000',
    awardDate: '2024-03-15',
    startDate: '2024-04-01',
    endDate: '2024-12-31',
    status: 'active',
    fundingSource: 'FADeC investissement 2024',
    updatedAt: '2024-04-02T09:30:00Z',
    documents: [],
    ...overrides,
  };
}

const contracts: OcdsContract[] = [
  contract({
    id: 'c0000000-0000-4000-8000-000000000001',
    communeId: cotonou.id,
    documents: [
      {
        id: 'd0000000-0000-4000-8000-000000000002',
        title: 'Contrat signé — lot 1',
        url: '/api/v1/communes/cotonou/documents/d0000000-0000-4000-8000-000000000002/file',
        format: 'application/pdf',
        datePublished: '2024-04-03T08:00:00+01:00',
      },
      {
        id: 'd0000000-0000-4000-8000-000000000001',
        title: 'Avis d’attribution',
        url: 'https://marches-publics.bj/avis/2024-001.pdf',
        format: 'application/pdf',
        datePublished: '2024-03-16',
      },
    ],
  }),
  contract({
    id: 'c0000000-0000-4000-8000-000000000002',
    communeId: cotonou.id,
    reference: 'N°2024/014/MC/SG/PRMP',
    object: 'Fourniture de mobilier scolaire (tables-bancs, bureaux)',
    procurementMethod: 'selective',
    category: 'goods',
    awardeeName: 'Ets Houngbédji & Fils',
    awardeeIdentifier: ' 3 2015 0987 6543 ',
    amount: '12500000',
    awardDate: '2024-05-20',
    startDate: null,
    endDate: null,
    status: 'pending',
    fundingSource: null,
  }),
  contract({
    id: 'c0000000-0000-4000-8000-000000000003',
    communeId: cotonou.id,
    reference: 'N°2023/102/MC/SG/PRMP',
    object: 'Entretien et nettoyage des caniveaux du 5e arrondissement',
    procurementMethod: 'limited',
    category: 'services',
    awardeeName: 'GIE Cotonou Propre',
    awardeeIdentifier: '3202200011122',
    amount: '9800000',
    awardDate: '2023-02-01',
    startDate: '2023-02-15',
    endDate: '2023-12-31',
    status: 'terminated',
    fundingSource: 'Budget communal — section fonctionnement',
    updatedAt: '2024-01-10T16:45:12.345+01:00',
  }),
  contract({
    id: 'c0000000-0000-4000-8000-000000000004',
    communeId: akpro.id,
    reference: 'AKM/2024/007',
    object: 'Réhabilitation du marché central d’Akpro-Missérété',
    procurementMethod: 'direct',
    category: 'works',
    awardeeName: 'Groupement "Bâtir Ensemble", Ouémé',
    awardeeIdentifier: null,
    amount: '1250000000',
    awardDate: '2024-07-01',
    startDate: '2024-07-15',
    endDate: null,
    status: 'active',
    fundingSource: 'Programme d’appui au développement des communes (PADC)',
  }),
  contract({
    id: 'c0000000-0000-4000-8000-000000000005',
    communeId: akpro.id,
    reference: 'AKM/2024/011',
    object: 'Acquisition d’un véhicule de liaison',
    procurementMethod: 'open',
    category: 'goods',
    awardeeName: 'Auto Services Porto-Novo',
    // Not an IFU (13 digits): the supplier gets a local id, no identifier.
    awardeeIdentifier: 'RB/PN/21 B 1234',
    amount: '24000000',
    awardDate: '2024-09-09',
    startDate: null,
    endDate: '2024-11-30',
    status: 'cancelled',
    fundingSource: '   ',
  }),
  contract({
    id: 'c0000000-0000-4000-8000-000000000006',
    communeId: akpro.id,
    reference: 'AKM/2024/013',
    object: 'Étude de faisabilité de l’adduction d’eau villageoise',
    procurementMethod: 'selective',
    category: 'services',
    awardeeName: 'Cabinet d’Études Techniques SA',
    awardeeIdentifier: '1201800055566',
    amount: '0000035000000',
    awardDate: '2024-10-02',
    status: 'active',
  }),
];

const baseInput: BuildReleasePackageInput = {
  contracts,
  communes: [cotonou, akpro],
  publishedDate: '2024-12-31T12:00:00Z',
  uri: 'https://communes.bj/api/v1/open-data/ocds/releases.json',
  publisher: { name: 'Communes+ — ANCB' },
  ocidPrefix: 'ocds-a1b2c3',
};

function release(pkg: OcdsReleasePackage, contractId: string) {
  const found = pkg.releases.find((r) => r.contracts[0].id === contractId);
  if (!found) throw new Error(`no release for ${contractId}`);
  return found;
}

describe('buildReleasePackage', () => {
  const pkg = buildReleasePackage(baseInput);

  it('builds a package that the official OCDS 1.1.5 schema accepts', () => {
    expect(validateReleasePackage(pkg)).toEqual({ valid: true, errors: [] });
    expect(pkg).toMatchObject({
      uri: baseInput.uri,
      version: '1.1',
      publishedDate: '2024-12-31T12:00:00Z',
      publisher: { name: 'Communes+ — ANCB' },
    });
    expect(pkg.releases).toHaveLength(contracts.length);
  });

  it('covers every procurement method and category in the fixture', () => {
    expect(new Set(pkg.releases.map((r) => r.tender.procurementMethod))).toEqual(new Set(PROCUREMENT_METHODS));
    expect(new Set(pkg.releases.map((r) => r.tender.mainProcurementCategory))).toEqual(new Set(PROCUREMENT_CATEGORIES));
  });

  it('maps a contract to one release with buyer, supplier, tender, award and contract', () => {
    const r = release(pkg, 'c0000000-0000-4000-8000-000000000001');
    expect(r.ocid).toBe('ocds-a1b2c3-cotonou-c0000000-0000-4000-8000-000000000001');
    expect(r.id.startsWith(`${r.ocid}-`)).toBe(true);
    expect(r.tag).toEqual(['award', 'contract']);
    expect(r.initiationType).toBe('tender');
    expect(r.language).toBe('fr');
    // The latest of updatedAt and the documents' publication dates.
    expect(r.date).toBe('2024-04-03T07:00:00Z');
    expect(r.parties).toEqual([
      {
        id: 'BJ-ANCB-cotonou',
        name: 'Cotonou',
        identifier: { scheme: 'BJ-ANCB', id: 'cotonou', legalName: 'Cotonou' },
        address: { locality: 'Cotonou', region: 'Littoral', countryName: 'Bénin' },
        roles: ['buyer'],
      },
      {
        id: 'BJ-IFU-3201912345678',
        name: 'Entreprise Générale de Construction du Bénin (EGCB) SARL',
        identifier: {
          scheme: 'BJ-IFU',
          id: '3201912345678',
          legalName: 'Entreprise Générale de Construction du Bénin (EGCB) SARL',
        },
        roles: ['supplier'],
      },
    ]);
    expect(r.buyer).toEqual({ id: 'BJ-ANCB-cotonou', name: 'Cotonou' });
    expect(r.planning).toEqual({ budget: { description: 'FADeC investissement 2024' } });
    expect(r.tender).toEqual({
      id: 'N°2024/001/MC/SG/PRMP',
      title: 'Construction de trois modules de classes à l’EPP de Zogbo',
      status: 'complete',
      procurementMethod: 'open',
      mainProcurementCategory: 'works',
    });
    expect(r.awards).toEqual([
      {
        id: 'c0000000-0000-4000-8000-000000000001-award',
        status: 'active',
        date: '2024-03-15T00:00:00Z',
        value: { amount: 87450000, currency: 'XOF' },
        suppliers: [{ id: 'BJ-IFU-3201912345678', name: 'Entreprise Générale de Construction du Bénin (EGCB) SARL' }],
      },
    ]);
    expect(r.contracts[0]).toMatchObject({
      id: 'c0000000-0000-4000-8000-000000000001',
      awardID: 'c0000000-0000-4000-8000-000000000001-award',
      status: 'active',
      period: { startDate: '2024-04-01T00:00:00Z', endDate: '2024-12-31T00:00:00Z' },
      value: { amount: 87450000, currency: 'XOF' },
    });
  });

  it('publishes documents with absolute URLs, sorted by publication date', () => {
    const docs = release(pkg, 'c0000000-0000-4000-8000-000000000001').contracts[0].documents;
    expect(docs).toEqual([
      {
        id: 'd0000000-0000-4000-8000-000000000001',
        title: 'Avis d’attribution',
        url: 'https://marches-publics.bj/avis/2024-001.pdf',
        format: 'application/pdf',
        datePublished: '2024-03-16T00:00:00Z',
      },
      {
        id: 'd0000000-0000-4000-8000-000000000002',
        title: 'Contrat signé — lot 1',
        url: 'https://communes.bj/api/v1/communes/cotonou/documents/d0000000-0000-4000-8000-000000000002/file',
        format: 'application/pdf',
        datePublished: '2024-04-03T07:00:00Z',
      },
    ]);
    expect(release(pkg, 'c0000000-0000-4000-8000-000000000002').contracts[0].documents).toBeUndefined();
  });

  it('tags a terminated contract with contractTermination', () => {
    const r = release(pkg, 'c0000000-0000-4000-8000-000000000003');
    expect(r.tag).toEqual(['award', 'contract', 'contractTermination']);
    expect(r.contracts[0].status).toBe('terminated');
    expect(r.date).toBe('2024-01-10T15:45:12.345Z');
  });

  it('gives a supplier without a usable IFU a local id and no identifier', () => {
    for (const id of ['c0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000005']) {
      const supplier = release(pkg, id).parties[1];
      expect(supplier).toEqual({ id: `supplier-${id}`, name: expect.any(String), roles: ['supplier'] });
    }
    // Spaces inside an IFU are only presentation.
    expect(release(pkg, 'c0000000-0000-4000-8000-000000000002').parties[1].identifier).toEqual({
      scheme: 'BJ-IFU',
      id: '3201509876543',
      legalName: 'Ets Houngbédji & Fils',
    });
  });

  it('leaves out what is unknown: period, funding source', () => {
    const pending = release(pkg, 'c0000000-0000-4000-8000-000000000002');
    expect(pending.contracts[0].period).toBeUndefined();
    expect(pending.planning).toBeUndefined();
    const cancelled = release(pkg, 'c0000000-0000-4000-8000-000000000005');
    expect(cancelled.contracts[0].period).toEqual({ endDate: '2024-11-30T00:00:00Z' });
    expect(cancelled.planning).toBeUndefined(); // blank funding source
  });

  it('turns integer XOF strings into exact numbers', () => {
    expect(release(pkg, 'c0000000-0000-4000-8000-000000000004').awards[0].value).toEqual({ amount: 1250000000, currency: 'XOF' });
    expect(release(pkg, 'c0000000-0000-4000-8000-000000000006').awards[0].value.amount).toBe(35000000);
  });

  it('gives every release a distinct ocid', () => {
    const ocids = pkg.releases.map((r) => r.ocid);
    expect(new Set(ocids).size).toBe(ocids.length);
  });
});

describe('release ids', () => {
  const ids = (input: BuildReleasePackageInput) => buildReleasePackage(input).releases.map((r) => r.id);

  it('are the same for unchanged data, whatever the package date, commune order or document order', () => {
    const again = ids({
      ...baseInput,
      publishedDate: '2025-06-01T00:00:00Z',
      communes: [akpro, cotonou],
      contracts: contracts.map((c) => ({ ...c, documents: [...c.documents].reverse() })),
    });
    expect(again).toEqual(ids(baseInput));
  });

  it('change for the contract that changed, and only for it', () => {
    const before = ids(baseInput);
    const after = ids({ ...baseInput, contracts: contracts.map((c, i) => (i === 1 ? { ...c, amount: '12600000' } : c)) });
    expect(after.filter((id, i) => id !== before[i])).toEqual([after[1]]);
  });

  it('change when a document is added even if updatedAt did not', () => {
    const withDocument = contracts.map((c, i) =>
      i === 1
        ? {
            ...c,
            documents: [
              { id: 'd9', title: 'Marché signé', url: '/files/d9.pdf', format: 'application/pdf', datePublished: '2024-06-01' },
            ],
          }
        : c,
    );
    const changed = buildReleasePackage({ ...baseInput, contracts: withDocument }).releases[1];
    expect(changed.id).not.toBe(ids(baseInput)[1]);
    expect(changed.date).toBe('2024-06-01T00:00:00Z');
  });
});

describe('national package', () => {
  const departments = ['Alibori', 'Atacora', 'Atlantique', 'Borgou', 'Collines', 'Couffo', 'Donga', 'Littoral', 'Mono', 'Ouémé', 'Plateau', 'Zou'];
  const communes: OcdsCommune[] = Array.from({ length: 77 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    slug: `commune-${i + 1}`,
    name: `Commune n°${i + 1} — Sèmè`,
    department: departments[i % departments.length],
    country: 'BJ',
  }));
  const nationalContracts = communes.flatMap((commune, i) =>
    PROCUREMENT_CATEGORIES.map((category, j) =>
      contract({
        id: `10000000-0000-4000-8000-${String(i * 10 + j).padStart(12, '0')}`,
        communeId: commune.id,
        reference: `${commune.slug.toUpperCase()}/2024/${j + 1}`,
        category,
        procurementMethod: PROCUREMENT_METHODS[(i + j) % PROCUREMENT_METHODS.length],
        awardeeIdentifier: j === 2 ? null : `32019${String(i * 10 + j).padStart(8, '0')}`,
        amount: String((i + 1) * 1_000_000 + j),
        status: (['pending', 'active', 'cancelled', 'terminated'] as const)[(i + j) % 4],
      }),
    ),
  );
  const pkg = buildReleasePackage({
    ...baseInput,
    uri: 'https://communes.bj/api/v1/open-data/ocds/national.json',
    communes,
    contracts: nationalContracts,
  });

  it('validates, with one release per contract and unique ocids', () => {
    expect(validateReleasePackage(pkg)).toEqual({ valid: true, errors: [] });
    expect(pkg.releases).toHaveLength(77 * 3);
    expect(new Set(pkg.releases.map((r) => r.ocid)).size).toBe(77 * 3);
    expect(new Set(pkg.releases.map((r) => r.buyer.id)).size).toBe(77);
  });
});

describe('validateReleasePackage', () => {
  const valid = buildReleasePackage(baseInput);
  const broken = (change: (pkg: Record<string, unknown> & { releases: Record<string, unknown>[] }) => void) => {
    const copy = structuredClone(valid) as unknown as Record<string, unknown> & { releases: Record<string, unknown>[] };
    change(copy);
    return validateReleasePackage(copy);
  };

  it('rejects a wrong currency type and a missing ocid, saying where', () => {
    const result = broken((pkg) => {
      delete pkg.releases[0]['ocid'];
      (pkg.releases[1]['awards'] as { value: { currency: unknown } }[])[0].value.currency = 952;
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "/releases/0 must have required property 'ocid'",
        '/releases/1/awards/0/value/currency must be string,null',
      ]),
    );
  });

  it('rejects an unknown currency code and a missing version', () => {
    const result = broken((pkg) => {
      delete pkg['version'];
      (pkg.releases[0]['contracts'] as { value: { currency: unknown } }[])[0].value.currency = 'FCFA';
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "/ must have required property 'version'",
        '/releases/0/contracts/0/value/currency must be equal to one of the allowed values',
      ]),
    );
  });

  it('checks date-time and uri formats', () => {
    const result = broken((pkg) => {
      pkg.releases[0]['date'] = '2024-12-31';
      pkg.releases[1]['date'] = '2024-02-30T10:00:00Z';
      pkg['uri'] = 'releases.json';
    });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        '/releases/0/date must match format "date-time"',
        '/releases/1/date must match format "date-time"',
        '/uri must match format "uri"',
      ]),
    );
  });

  it('rejects values that are not packages at all', () => {
    expect(validateReleasePackage(null).valid).toBe(false);
    expect(validateReleasePackage({ ...valid, releases: [] }).errors).toEqual(['/releases must NOT have fewer than 1 items']);
  });
});

describe('buildReleasePackage refuses to publish wrong data', () => {
  const withContract = (change: Partial<OcdsContract>): BuildReleasePackageInput => ({
    ...baseInput,
    contracts: [{ ...contracts[0], ...change }],
  });

  it('refuses amounts a JSON number cannot hold exactly', () => {
    expect(buildReleasePackage(withContract({ amount: String(Number.MAX_SAFE_INTEGER) })).releases[0].awards[0].value.amount).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(() => buildReleasePackage(withContract({ amount: '9007199254740992' }))).toThrow(/MAX_SAFE_INTEGER/);
    expect(() => buildReleasePackage(withContract({ amount: '12.5' }))).toThrow(OpenDataExportError);
    expect(() => buildReleasePackage(withContract({ amount: '-100' }))).toThrow(OpenDataExportError);
  });

  it('refuses unreadable or ambiguous dates', () => {
    expect(() => buildReleasePackage(withContract({ awardDate: '2024-02-30' }))).toThrow(/awardDate/);
    expect(() => buildReleasePackage(withContract({ awardDate: '15/03/2024' }))).toThrow(OpenDataExportError);
    expect(() => buildReleasePackage(withContract({ updatedAt: '2024-04-02T09:30:00' }))).toThrow(/time zone/);
  });

  it('refuses a contract of a commune that was not given, or given twice', () => {
    expect(() => buildReleasePackage({ ...baseInput, communes: [akpro] })).toThrow(/commune .* was not provided/);
    expect(() => buildReleasePackage({ ...baseInput, contracts: [contracts[0], contracts[0]] })).toThrow(/appears twice/);
  });

  it('refuses a bad OCID prefix, a bad uri and an empty package', () => {
    expect(() => buildReleasePackage({ ...baseInput, ocidPrefix: 'communes' })).toThrow(/ocidPrefix/);
    expect(() => buildReleasePackage({ ...baseInput, uri: 'releases.json' })).toThrow(/package uri/);
    expect(() => buildReleasePackage({ ...baseInput, contracts: [] })).toThrow(/at least one release/);
  });
});
