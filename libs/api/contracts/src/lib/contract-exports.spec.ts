import type { CommuneRecord } from '@communes/api-communes';
import { buildReleasePackage, validateReleasePackage } from '@communes/api-open-data';
import { contractSearchRecord } from './contract-search.source';
import { ContractRecord } from './contracts.repository';
import { OCID_PREFIX, OCDS_PUBLISHER_NAME, toOcdsContract, toOpenDataCommune } from './contracts-open-data.service';

const commune: CommuneRecord = {
  id: '0b6f6c36-3f5e-4a56-9a52-0d8f1c2e7a01',
  slug: 'akpro-misserete',
  name: 'Akpro-Missérété',
  department: 'Ouémé',
  country: 'BJ',
  status: 'active',
  isPilot: true,
  population: 127000,
  onboardingStartedAt: null,
  activatedAt: null,
  suspendedAt: null,
  suspensionReason: null,
  focalPointNamedAt: null,
  staffTrainedAt: null,
  firstDocumentsPublishedAt: null,
};

const contract: ContractRecord = {
  id: 'c0000000-0000-4000-8000-000000000001',
  communeId: commune.id,
  reference: 'N°2025/003/MAM/SG/PRMP',
  object: 'Réalisation de deux forages équipés de pompes à motricité humaine',
  procurementMethod: 'limited',
  category: 'works',
  awardeeName: 'Ets Agossou BTP',
  awardeeIdentifier: '3202112345678',
  amount: '23750000',
  awardDate: '2025-02-10',
  startDate: '2025-03-01',
  endDate: '2025-06-30',
  status: 'terminated',
  fundingSource: 'FADeC affecté eau',
  state: 'published',
  publishedAt: new Date('2025-02-12T10:00:00Z'),
  importId: null,
  createdAt: new Date('2025-02-11T09:00:00Z'),
  updatedAt: new Date('2025-07-02T08:30:00Z'),
};

describe('contractSearchRecord', () => {
  it('indexes the object as title and the awardee, reference and labels as body', () => {
    const record = contractSearchRecord(commune, contract);
    expect(record).toMatchObject({
      id: `contract:${contract.id}`,
      kind: 'contract',
      communeSlug: 'akpro-misserete',
      title: contract.object,
      category: 'works',
      fiscalYear: 2025,
      amount: '23750000',
      date: '2025-02-10',
      url: `/communes/akpro-misserete/contracts/${contract.id}`,
    });
    expect(record.body.split('\n')).toEqual([
      'N°2025/003/MAM/SG/PRMP',
      'Ets Agossou BTP',
      '3202112345678',
      'Demande de cotation',
      'Travaux',
      'FADeC affecté eau',
      'Terminé',
    ]);
  });
});

describe('toOcdsContract', () => {
  it('gives a release package that the official OCDS schema accepts, with document links', () => {
    const ocds = toOcdsContract(commune, contract, [
      { contractId: contract.id, id: 'd0000000-0000-4000-8000-000000000001', title: 'Contrat signé', versionId: 'e0000000-0000-4000-8000-000000000001', mediaType: 'application/pdf', publishedAt: new Date('2025-02-12T10:00:00Z') },
      { contractId: 'c0000000-0000-4000-8000-000000000009', id: 'd0000000-0000-4000-8000-000000000002', title: 'Autre', versionId: 'e0000000-0000-4000-8000-000000000002', mediaType: 'application/pdf', publishedAt: new Date('2025-02-12T10:00:00Z') },
    ]);
    expect(ocds.documents).toHaveLength(1);
    const pkg = buildReleasePackage({
      contracts: [ocds],
      communes: [toOpenDataCommune(commune)],
      publishedDate: ocds.updatedAt,
      uri: 'https://communes.bj/api/v1/communes/akpro-misserete/contracts.ocds.json',
      publisher: { name: OCDS_PUBLISHER_NAME },
      ocidPrefix: OCID_PREFIX,
    });
    expect(validateReleasePackage(pkg)).toEqual({ valid: true, errors: [] });
    expect(pkg.releases[0].contracts[0].documents?.[0].url).toBe(
      'https://communes.bj/api/v1/communes/akpro-misserete/documents/d0000000-0000-4000-8000-000000000001/versions/e0000000-0000-4000-8000-000000000001/download',
    );
    expect(pkg.releases[0].tag).toContain('contractTermination');
  });
});
