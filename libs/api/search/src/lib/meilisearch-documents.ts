import type { SearchKind, SearchRecord } from '@communes/shared-contracts';
import { searchRecordHash } from './search-validation';

/**
 * What a SearchRecord becomes in Meilisearch.
 *
 * - `id`: Meilisearch ids allow only `[a-zA-Z0-9_-]` (at most 511 bytes), so `kind:uuid` is
 *   stored as `kind__uuid`. Reversible: kinds are `[a-z_]+` without a double underscore and the
 *   part after the colon has no underscore (validateSearchRecord). The original id is also kept
 *   in `recordId`.
 * - `amountValue`: amounts as numbers, for range filters and sorting. Meilisearch stores numbers
 *   as 64-bit floats: exact up to 2^53 - 1 XOF (9 007 199 254 740 991, far above any commune's
 *   budget); beyond that the value is rounded for filtering and sorting only. The exact amount
 *   stays in `amount` (string), which is what hits return.
 * - Null fields are left out: Meilisearch sorts documents without the field last, either way.
 */
export interface MeilisearchDocument {
  id: string;
  recordId: string;
  kind: SearchKind;
  communeId: string;
  communeSlug: string;
  communeName: string;
  department: string;
  title: string;
  body: string;
  category?: string;
  fiscalYear?: number;
  amount?: string;
  amountValue?: number;
  date?: string;
  url: string;
  hash: string;
}

const SEPARATOR = '__';

export function toMeilisearchId(recordId: string): string {
  const colon = recordId.indexOf(':');
  const encoded = `${recordId.slice(0, colon)}${SEPARATOR}${recordId.slice(colon + 1)}`;
  if (colon < 1 || recordId.slice(0, colon).includes(SEPARATOR) || !/^[A-Za-z0-9_-]{1,511}$/.test(encoded)) {
    throw new Error(`Cannot encode search record id ${JSON.stringify(recordId)} for Meilisearch`);
  }
  return encoded;
}

export function fromMeilisearchId(documentId: string): string {
  const separator = documentId.indexOf(SEPARATOR);
  if (separator < 1) throw new Error(`Not a search record document id: ${JSON.stringify(documentId)}`);
  return `${documentId.slice(0, separator)}:${documentId.slice(separator + SEPARATOR.length)}`;
}

export function toMeilisearchDocument(record: SearchRecord): MeilisearchDocument {
  const document: MeilisearchDocument = {
    id: toMeilisearchId(record.id),
    recordId: record.id,
    kind: record.kind,
    communeId: record.communeId,
    communeSlug: record.communeSlug,
    communeName: record.communeName,
    department: record.department,
    title: record.title,
    body: record.body,
    url: record.url,
    hash: searchRecordHash(record),
  };
  if (record.category !== null) document.category = record.category;
  if (record.fiscalYear !== null) document.fiscalYear = record.fiscalYear;
  if (record.amount !== null) {
    document.amount = record.amount;
    document.amountValue = Number(record.amount);
  }
  if (record.date !== null) document.date = record.date;
  return document;
}

export function fromMeilisearchDocument(document: MeilisearchDocument): SearchRecord {
  return {
    id: document.recordId,
    kind: document.kind,
    communeId: document.communeId,
    communeSlug: document.communeSlug,
    communeName: document.communeName,
    department: document.department,
    title: document.title,
    body: document.body,
    category: document.category ?? null,
    fiscalYear: document.fiscalYear ?? null,
    amount: document.amount ?? null,
    date: document.date ?? null,
    url: document.url,
  };
}
