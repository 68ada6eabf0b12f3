import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@communes/api-database';
import { CommuneNamesRepository } from './commune-names.repository';
import { SearchEngine, SearchQuery } from './search-engine';
import { SearchResultResponse, toSearchResultResponse } from './search-responses.dto';

/** The public search: the engine's result, with the names of the communes it mentions by slug. */
@Injectable()
export class SearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly communes: CommuneNamesRepository,
    private readonly tx: TenantTransaction,
  ) {}

  async search(query: SearchQuery): Promise<SearchResultResponse> {
    const result = await this.engine.search(query);
    // The facet's communes and those in the filter (a ticked one may have no match left): a page
    // can label them all without loading the directory of 77 communes.
    const slugs = new Set([...result.facets.communes.map((facet) => facet.value), ...(query.communeSlugs ?? [])]);
    const names = await this.tx.run({ communeId: null, userId: null, scope: 'public' }, () => this.communes.namesOf([...slugs]));
    return toSearchResultResponse(result, names);
  }
}
