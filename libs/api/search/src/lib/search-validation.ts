import { createHash } from 'node:crypto';
import { SEARCH_KINDS, SearchKind, SearchRecord } from '@communes/shared-contracts';
import {
  FacetValue,
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  SEARCH_SORTS,
  SearchQuery,
  SortDirection,
} from './search-engine';

/**
 * Checks shared by both engines, so that they accept and refuse the same things. The HTTP layer
 * validates its input first; these errors mean a caller bug (or a bad request to map to a 400).
 */
export class InvalidSearchQueryError extends Error {}
export class InvalidSearchRecordError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d{1,19}$/;
const BIGINT_MAX = 9223372036854775807n;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** `<kind>:<id>`; the id part is restricted so that it survives Meilisearch's id rules once encoded. */
const RECORD_ID = /^([a-z_]+):([A-Za-z0-9][A-Za-z0-9-]*)$/;
const MAX_ID_LENGTH = 200;
const MAX_QUERY_LENGTH = 500;

/** A query with its defaults applied, as the engines use it. */
export interface ValidSearchQuery extends SearchQuery {
  q: string;
  direction: SortDirection;
}

export function validateSearchQuery(query: SearchQuery): ValidSearchQuery {
  const problems: string[] = [];
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  if (typeof query.q !== 'string') problems.push('q must be a string');
  if (q.length > MAX_QUERY_LENGTH) problems.push(`q must be at most ${MAX_QUERY_LENGTH} characters`);
  if (!SEARCH_SORTS.includes(query.sort)) problems.push(`sort must be one of ${SEARCH_SORTS.join(', ')}`);
  const direction = query.direction ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') problems.push('direction must be asc or desc');
  if (!Number.isInteger(query.page) || query.page < 1) problems.push('page must be an integer from 1');
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE) {
    problems.push(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  } else if (Number.isInteger(query.page) && query.page * query.pageSize > MAX_RESULT_WINDOW) {
    problems.push(`only the first ${MAX_RESULT_WINDOW} results can be paged through: narrow the search`);
  }
  for (const id of query.communeIds ?? []) {
    if (!UUID.test(id)) problems.push(`communeIds: ${JSON.stringify(id)} is not a uuid`);
  }
  for (const kind of query.kinds ?? []) {
    if (!SEARCH_KINDS.includes(kind)) problems.push(`kinds: ${JSON.stringify(kind)} is not a search kind`);
  }
  for (const year of query.fiscalYears ?? []) {
    if (!Number.isInteger(year)) problems.push(`fiscalYears: ${JSON.stringify(year)} is not an integer`);
  }
  for (const [name, value] of [
    ['amountMin', query.amountMin],
    ['amountMax', query.amountMax],
  ] as const) {
    if (value !== undefined && !isBigintString(value)) problems.push(`${name} must be an integer amount in XOF`);
  }
  if (problems.length > 0) throw new InvalidSearchQueryError(`Invalid search query: ${problems.join('; ')}`);
  return { ...query, q, direction };
}

export function validateSearchRecord(record: SearchRecord): void {
  const problems: string[] = [];
  const id = RECORD_ID.exec(record.id);
  if (!id || record.id.length > MAX_ID_LENGTH) {
    problems.push(`id must be "<kind>:<id>" with letters, digits and dashes, at most ${MAX_ID_LENGTH} characters`);
  } else if (id[1] !== record.kind) {
    problems.push(`id must start with its kind "${record.kind}:"`);
  }
  if (!SEARCH_KINDS.includes(record.kind)) problems.push(`kind ${JSON.stringify(record.kind)} is not a search kind`);
  if (!UUID.test(record.communeId)) problems.push('communeId must be a uuid');
  for (const field of ['communeSlug', 'communeName', 'department', 'title', 'url'] as const) {
    if (typeof record[field] !== 'string' || record[field].trim() === '') problems.push(`${field} is required`);
  }
  if (typeof record.body !== 'string') problems.push('body must be a string');
  if (record.fiscalYear !== null && !(Number.isInteger(record.fiscalYear) && record.fiscalYear >= 1900 && record.fiscalYear <= 2200)) {
    problems.push('fiscalYear must be a year or null');
  }
  if (record.amount !== null && !isBigintString(record.amount)) problems.push('amount must be an integer string or null');
  if (record.date !== null && !ISO_DATE.test(record.date)) problems.push('date must be an ISO date or null');
  if (problems.length > 0) {
    throw new InvalidSearchRecordError(`Invalid search record ${JSON.stringify(record.id)}: ${problems.join('; ')}`);
  }
}

/**
 * Fingerprint of a record for verify-index: sha256 of its fields in a fixed order. The engines
 * store it beside each record; the verifier recomputes it from the database.
 */
export function searchRecordHash(record: SearchRecord): string {
  const fields = [
    record.id,
    record.kind,
    record.communeId,
    record.communeSlug,
    record.communeName,
    record.department,
    record.title,
    record.body,
    record.category,
    record.fiscalYear,
    record.amount,
    record.date,
    record.url,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Validates a batch and keeps the last record of each id (one upsert may not touch a row twice). */
export function prepareUpsert(records: readonly SearchRecord[]): SearchRecord[] {
  const byId = new Map<string, SearchRecord>();
  for (const record of records) {
    validateSearchRecord(record);
    byId.delete(record.id);
    byId.set(record.id, record);
  }
  return [...byId.values()];
}

/** Facet order shared by both engines: most frequent first, then by value. */
export function sortFacetValues(values: FacetValue[]): FacetValue[] {
  return values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function isSearchKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}

function isBigintString(value: string): boolean {
  if (typeof value !== 'string' || !INTEGER.test(value)) return false;
  const n = BigInt(value);
  return n <= BIGINT_MAX && n >= -BIGINT_MAX - 1n;
}
