import type { SearchQuery } from './search-engine';

type FilterInput = Pick<
  SearchQuery,
  'communeIds' | 'communeSlugs' | 'departments' | 'kinds' | 'categories' | 'fiscalYears' | 'amountMin' | 'amountMax'
>;

/**
 * The query's filters as one Meilisearch filter expression (AND between filters, `IN [...]`
 * within one), or undefined when there is none. Strings are always double-quoted with `\` and
 * `"` escaped, so a value can never change the expression; numbers are checked to be integers.
 * Field names are those of MEILISEARCH_SETTINGS.filterableAttributes.
 */
export function buildMeilisearchFilter(query: FilterInput): string | undefined {
  const clauses: string[] = [];
  const anyOf = (field: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) clauses.push(`${field} IN [${values.map(quote).join(', ')}]`);
  };
  anyOf('communeId', query.communeIds);
  anyOf('communeSlug', query.communeSlugs);
  anyOf('department', query.departments);
  anyOf('kind', query.kinds);
  anyOf('category', query.categories);
  if (query.fiscalYears && query.fiscalYears.length > 0) {
    clauses.push(`fiscalYear IN [${query.fiscalYears.map((year) => integer(year, 'fiscalYears')).join(', ')}]`);
  }
  if (query.amountMin !== undefined) clauses.push(`amountValue >= ${amount(query.amountMin, 'amountMin')}`);
  if (query.amountMax !== undefined) clauses.push(`amountValue <= ${amount(query.amountMax, 'amountMax')}`);
  return clauses.length > 0 ? clauses.join(' AND ') : undefined;
}

/** A Meilisearch string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function integer(value: number, name: string): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name}: ${value} is not an integer`);
  return String(value);
}

/**
 * Amounts are compared as Meilisearch numbers (64-bit floats): a bound beyond 2^53 - 1 XOF
 * cannot be represented exactly, so it is refused rather than silently rounded.
 */
function amount(value: string, name: string): string {
  if (!/^-?\d+$/.test(value)) throw new RangeError(`${name} must be an integer amount in XOF`);
  const n = BigInt(value);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${name} is beyond what Meilisearch compares exactly (2^53 - 1 XOF)`);
  }
  return n.toString();
}
