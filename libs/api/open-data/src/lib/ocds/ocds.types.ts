import type { ContractInput, ContractStatus, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';

// ---- Input: what the API reads from the database -------------------------------------------

/** A commune (tenant) as the exports need it. */
export interface OpenDataCommune {
  /** uuid */
  id: string;
  /** Slug from the national list, e.g. `abomey-calavi`. */
  slug: string;
  name: string;
  department: string;
  /** ISO 3166-1 alpha-2, e.g. `BJ`. */
  country: string;
}
export type OcdsCommune = OpenDataCommune;

export interface OcdsContractDocument {
  id: string;
  title: string;
  /** Absolute URL, or a path resolved against the package `uri`. */
  url: string;
  /** IANA media type, e.g. `application/pdf`. */
  format: string;
  /** ISO date or date-time with a time zone. */
  datePublished: string;
}

/** A published contract awarded (marché). */
export interface OcdsContract extends ContractInput {
  /** uuid */
  id: string;
  communeId: string;
  /** ISO date-time with a time zone. */
  updatedAt: string;
  documents: OcdsContractDocument[];
}

export interface BuildReleasePackageInput {
  contracts: readonly OcdsContract[];
  communes: readonly OpenDataCommune[];
  /** ISO date-time: when the package was generated (or the last change to its contents). */
  publishedDate: string;
  /** The URI where this package is served. */
  uri: string;
  publisher: { name: string; uri?: string };
  /** The OCID prefix registered with the Open Contracting Partnership, e.g. `ocds-a1b2c3`. */
  ocidPrefix: string;
  /** Canonical URI of the data licence, when one is declared. */
  license?: string;
}

// ---- Output: the subset of OCDS 1.1 that we publish ----------------------------------------

export type OcdsReleaseTag = 'award' | 'contract' | 'contractTermination';

export interface OcdsIdentifier {
  scheme: string;
  id: string;
  legalName: string;
}

export interface OcdsAddress {
  locality?: string;
  region?: string;
  countryName?: string;
}

export interface OcdsParty {
  id: string;
  name: string;
  identifier?: OcdsIdentifier;
  address?: OcdsAddress;
  roles: ('buyer' | 'supplier')[];
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}

export interface OcdsValue {
  amount: number;
  currency: 'XOF';
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsDocument {
  id: string;
  title: string;
  url: string;
  format: string;
  datePublished: string;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  language: 'fr';
  tag: OcdsReleaseTag[];
  initiationType: 'tender';
  parties: OcdsParty[];
  buyer: OcdsOrganizationReference;
  planning?: { budget: { description: string } };
  tender: {
    id: string;
    title: string;
    status: 'complete';
    procurementMethod: ProcurementMethod;
    mainProcurementCategory: ProcurementCategory;
  };
  awards: {
    id: string;
    status: 'active';
    date: string;
    value: OcdsValue;
    suppliers: OcdsOrganizationReference[];
  }[];
  contracts: {
    id: string;
    awardID: string;
    title: string;
    status: ContractStatus;
    period?: OcdsPeriod;
    value: OcdsValue;
    documents?: OcdsDocument[];
  }[];
}

export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: { name: string; uri?: string };
  license?: string;
  releases: OcdsRelease[];
}
