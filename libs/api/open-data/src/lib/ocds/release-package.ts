import { createHash } from 'node:crypto';
import { OpenDataExportError, toIsoDateTime, xofToNumber } from '../values';
import type {
  BuildReleasePackageInput,
  OcdsContract,
  OcdsDocument,
  OcdsOrganizationReference,
  OcdsParty,
  OcdsPeriod,
  OcdsRelease,
  OcdsReleasePackage,
  OcdsReleaseTag,
  OpenDataCommune,
} from './ocds.types';

/**
 * Identifier scheme for communes (buyers). org-id.guide has no register of Benin's communes, so,
 * as the OCDS guidance on organization identifiers asks, we name our own list with the country
 * code and a short register name: the national list of the 77 communes that ANCB onboards, keyed
 * by slug (`BJ-ANCB` / `cotonou`). It collides with no org-id.guide code; the publication policy
 * must describe it. Communes of other countries get no identifier until they have a list.
 */
export const COMMUNE_IDENTIFIER_SCHEME = 'BJ-ANCB';

/** Benin's Identifiant Fiscal Unique (13 digits), the org-id.guide code for Beninese suppliers. */
export const SUPPLIER_IDENTIFIER_SCHEME = 'BJ-IFU';

const IFU = /^\d{13}$/;
/** OCID prefixes are assigned by the Open Contracting Partnership: `ocds-` and six characters. */
const OCID_PREFIX = /^ocds-[a-z0-9]{6}$/;

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });

/**
 * One OCDS 1.1 release per contract awarded, wrapped in a release package.
 *
 * - `ocid` = `<prefix>-<commune slug>-<contract uuid>`: globally unique and readable.
 * - release `id` = `<ocid>-<hash of the release content>`: identical for unchanged data, new as
 *   soon as anything published changes (the contract, a document added, the commune renamed),
 *   even when `updatedAt` was not touched.
 * - Releases keep the order of `contracts`.
 *
 * Throws `OpenDataExportError` rather than publish something wrong: no contracts (OCDS requires
 * at least one release), a contract of an unknown commune, a duplicated contract, an amount
 * above Number.MAX_SAFE_INTEGER, an unreadable date or URI.
 */
export function buildReleasePackage(input: BuildReleasePackageInput): OcdsReleasePackage {
  if (!OCID_PREFIX.test(input.ocidPrefix)) {
    throw new OpenDataExportError(`ocidPrefix "${input.ocidPrefix}" is not an OCID prefix like "ocds-a1b2c3"`);
  }
  if (input.contracts.length === 0) {
    throw new OpenDataExportError('no contracts to export: an OCDS release package needs at least one release');
  }
  const uri = absoluteUri(input.uri, 'package uri');
  const communes = new Map(input.communes.map((commune) => [commune.id, commune]));
  const seen = new Set<string>();

  const releases = input.contracts.map((contract) => {
    const commune = communes.get(contract.communeId);
    if (!commune) {
      throw new OpenDataExportError(`contract ${contract.id}: commune ${contract.communeId} was not provided`);
    }
    if (seen.has(contract.id)) {
      throw new OpenDataExportError(`contract ${contract.id} appears twice: its ocid would not be unique`);
    }
    seen.add(contract.id);
    return buildRelease(contract, commune, input.ocidPrefix, uri);
  });

  return {
    uri,
    version: '1.1',
    publishedDate: toIsoDateTime(input.publishedDate, 'publishedDate'),
    publisher: {
      name: input.publisher.name,
      ...(input.publisher.uri && { uri: absoluteUri(input.publisher.uri, 'publisher uri') }),
    },
    ...(input.license && { license: absoluteUri(input.license, 'license') }),
    releases,
  };
}

function buildRelease(contract: OcdsContract, commune: OpenDataCommune, ocidPrefix: string, baseUri: string): OcdsRelease {
  const what = `contract ${contract.reference} (${contract.id})`;
  const ocid = `${ocidPrefix}-${commune.slug}-${contract.id}`;
  const buyer = buyerParty(commune);
  const supplier = supplierParty(contract);
  const value = { amount: xofToNumber(contract.amount, what), currency: 'XOF' } as const;
  const documents = documentsOf(contract, baseUri, what);
  const period = periodOf(contract, what);
  const fundingSource = contract.fundingSource?.trim();
  const awardId = `${contract.id}-award`;

  const content: Omit<OcdsRelease, 'ocid' | 'id'> = {
    date: latest([toIsoDateTime(contract.updatedAt, `${what} updatedAt`), ...documents.map((d) => d.datePublished)]),
    language: 'fr',
    tag: tagsFor(contract),
    // Communes award after a procurement procedure (the method says which), hence 'tender'.
    initiationType: 'tender',
    parties: [buyer, supplier],
    buyer: referenceTo(buyer),
    ...(fundingSource && { planning: { budget: { description: fundingSource } } }),
    tender: {
      id: contract.reference,
      title: contract.object,
      // The contract is awarded, so the procedure that led to it is over.
      status: 'complete',
      procurementMethod: contract.procurementMethod,
      mainProcurementCategory: contract.category,
    },
    awards: [
      {
        id: awardId,
        status: 'active',
        date: toIsoDateTime(contract.awardDate, `${what} awardDate`),
        value,
        suppliers: [referenceTo(supplier)],
      },
    ],
    contracts: [
      {
        id: contract.id,
        awardID: awardId,
        title: contract.object,
        status: contract.status,
        ...(period && { period }),
        value,
        ...(documents.length > 0 && { documents }),
      },
    ],
  };
  return { ocid, id: `${ocid}-${contentHash(content)}`, ...content };
}

/**
 * Each release is a full snapshot of the contract, so it carries the award and contract tags;
 * a terminated contract adds 'contractTermination' (releaseTag codelist: "information at the end
 * of a contracting process").
 */
function tagsFor(contract: OcdsContract): OcdsReleaseTag[] {
  return contract.status === 'terminated' ? ['award', 'contract', 'contractTermination'] : ['award', 'contract'];
}

function buyerParty(commune: OpenDataCommune): OcdsParty {
  const address = { locality: commune.name, region: commune.department, countryName: countryName(commune.country) };
  if (commune.country !== 'BJ') {
    return { id: `commune-${commune.slug}`, name: commune.name, address, roles: ['buyer'] };
  }
  return {
    id: `${COMMUNE_IDENTIFIER_SCHEME}-${commune.slug}`,
    name: commune.name,
    identifier: { scheme: COMMUNE_IDENTIFIER_SCHEME, id: commune.slug, legalName: commune.name },
    address,
    roles: ['buyer'],
  };
}

function supplierParty(contract: OcdsContract): OcdsParty {
  const name = contract.awardeeName;
  const ifu = contract.awardeeIdentifier?.replace(/\s+/g, '') ?? '';
  if (IFU.test(ifu)) {
    return {
      id: `${SUPPLIER_IDENTIFIER_SCHEME}-${ifu}`,
      name,
      identifier: { scheme: SUPPLIER_IDENTIFIER_SCHEME, id: ifu, legalName: name },
      roles: ['supplier'],
    };
  }
  // No usable IFU: a local id, unique within the release, that claims nothing about the company.
  return { id: `supplier-${contract.id}`, name, roles: ['supplier'] };
}

function referenceTo(party: OcdsParty): OcdsOrganizationReference {
  return { id: party.id, name: party.name };
}

function periodOf(contract: OcdsContract, what: string): OcdsPeriod | null {
  if (!contract.startDate && !contract.endDate) return null;
  return {
    ...(contract.startDate && { startDate: toIsoDateTime(contract.startDate, `${what} startDate`) }),
    ...(contract.endDate && { endDate: toIsoDateTime(contract.endDate, `${what} endDate`) }),
  };
}

/** Sorted by publication date then id, so that the database's row order cannot change the release id. */
function documentsOf(contract: OcdsContract, baseUri: string, what: string): OcdsDocument[] {
  return contract.documents
    .map((doc) => ({
      id: doc.id,
      title: doc.title,
      url: absoluteUri(doc.url, `${what} document ${doc.id} url`, baseUri),
      format: doc.format,
      datePublished: toIsoDateTime(doc.datePublished, `${what} document ${doc.id} datePublished`),
    }))
    .sort((a, b) => Date.parse(a.datePublished) - Date.parse(b.datePublished) || a.id.localeCompare(b.id));
}

/** OCDS wants absolute URIs; a path such as `/api/v1/...` is resolved against the package uri. */
function absoluteUri(value: string, what: string, base?: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    throw new OpenDataExportError(`${what}: "${value}" is not a valid URI`);
  }
}

function countryName(code: string): string {
  return /^[A-Z]{2}$/.test(code) ? (countryNames.of(code) ?? code) : code;
}

function latest(dateTimes: string[]): string {
  return dateTimes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

function contentHash(content: Omit<OcdsRelease, 'ocid' | 'id'>): string {
  // The builder always creates keys in the same order, so JSON.stringify is canonical here.
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
