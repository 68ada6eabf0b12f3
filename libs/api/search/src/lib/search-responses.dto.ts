import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEARCH_KINDS } from '@communes/shared-contracts';
import type { SearchKind, SearchRecord } from '@communes/shared-contracts';
import type { FacetValue, SearchFacets, SearchHighlights, SearchHit, SearchResult } from './search-engine';

/**
 * The search answer, for the OpenAPI document (the web client is generated from it). It
 * describes `SearchResult` of the search port, without each record's `body`: that is the whole
 * searchable text (up to 100,000 characters of a document's text), which the highlight's short
 * passage stands for; twenty of them would weigh megabytes on a phone's connection. Schema names
 * are global to the document.
 */
export class SearchRecordResponse implements Omit<SearchRecord, 'body'> {
  @ApiProperty({ example: 'document:0b6f3c1e-8a51-4d7e-9a43-0c8d1c6f2a01', description: 'Stable across reindexing: `<kind>:<uuid>`' })
  id!: string;

  @ApiProperty({ enum: SEARCH_KINDS })
  kind!: SearchKind;

  @ApiProperty({ format: 'uuid' })
  communeId!: string;

  @ApiProperty({ example: 'cotonou' })
  communeSlug!: string;

  @ApiProperty({ example: 'Cotonou' })
  communeName!: string;

  @ApiProperty({ example: 'Littoral' })
  department!: string;

  @ApiProperty({ description: 'Raw text: escape it when rendering' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Document category, budget section, procurement category…' })
  category!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 2025 })
  fiscalYear!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '45000000', description: 'Integer XOF, as a string' })
  amount!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-03-15' })
  date!: string | null;

  @ApiProperty({ example: '/communes/cotonou/documents/0b6f3c1e-8a51-4d7e-9a43-0c8d1c6f2a01', description: 'Path of the resource in the web app / API' })
  url!: string;
}

export class SearchHighlightsResponse implements SearchHighlights {
  @ApiPropertyOptional({ description: 'Safe HTML: the whole title, escaped, with matches in <mark>…</mark> (when q is not empty)' })
  title?: string;

  @ApiPropertyOptional({ description: 'Safe HTML: a short passage of the body around the matches (when q is not empty)' })
  body?: string;
}

export class SearchHitResponse {
  @ApiProperty({ type: SearchRecordResponse, description: 'The record as it was indexed, without its searchable text (see highlights.body)' })
  record!: SearchRecordResponse;

  @ApiProperty({ type: SearchHighlightsResponse })
  highlights!: SearchHighlightsResponse;
}

export class SearchFacetValueResponse implements FacetValue {
  @ApiProperty({ description: 'A commune slug, department, kind, category or fiscal year (as text)' })
  value!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class SearchFacetsResponse implements SearchFacets {
  @ApiProperty({ type: [SearchFacetValueResponse], description: 'Keyed by commune slug' })
  communes!: SearchFacetValueResponse[];

  @ApiProperty({ type: [SearchFacetValueResponse] })
  departments!: SearchFacetValueResponse[];

  @ApiProperty({ type: [SearchFacetValueResponse] })
  kinds!: SearchFacetValueResponse[];

  @ApiProperty({ type: [SearchFacetValueResponse], description: 'Records without a category are not counted' })
  categories!: SearchFacetValueResponse[];

  @ApiProperty({ type: [SearchFacetValueResponse], description: 'Records without a fiscal year are not counted' })
  fiscalYears!: SearchFacetValueResponse[];
}

export class SearchResultResponse {
  @ApiProperty({ type: [SearchHitResponse] })
  hits!: SearchHitResponse[];

  @ApiProperty({ type: 'integer', description: 'Every match, not only this page, counted up to 1,000 (the deepest result reachable by paging)' })
  total!: number;

  @ApiProperty({
    description:
      'False when more than 1,000 records match: `total` is then 1,000 (show "more than 1,000 results" and invite a narrower search) and the facets may count only the first 1,000 matches',
  })
  exhaustive!: boolean;

  @ApiProperty({
    type: SearchFacetsResponse,
    description: 'Counts over the records matching the query and all its filters (every match when `exhaustive`), most frequent first (then by value)',
  })
  facets!: SearchFacetsResponse;

  @ApiProperty({ type: 'integer', description: '1-based' })
  page!: number;

  @ApiProperty({ type: 'integer' })
  pageSize!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { cotonou: 'Cotonou', 'abomey-calavi': 'Abomey-Calavi' },
    description: 'The name of each commune in facets.communes and in the commune filter, by slug',
  })
  communeNames!: Record<string, string>;
}

/** The engine's result as the API answers it: each record without its `body`, the communes' names. */
export function toSearchResultResponse(result: SearchResult, communeNames: ReadonlyMap<string, string>): SearchResultResponse {
  return { ...result, hits: result.hits.map(toSearchHitResponse), communeNames: Object.fromEntries(communeNames) };
}

function toSearchHitResponse({ record, highlights }: SearchHit): SearchHitResponse {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- body is left out on purpose (see SearchRecordResponse)
  const { body, ...rest } = record;
  return { record: rest, highlights };
}
