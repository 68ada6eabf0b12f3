import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';
import { PostgresSearchEngine } from './postgres-search-engine';
import { loadSearchConfig, SearchConfig } from './search-config';
import { SearchEngine } from './search-engine';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer.service';
import { SearchSources } from './search-record-source';

/**
 * Provides `SearchEngine` to the whole application (register it once, in the app module):
 *
 *   SearchModule.register({ engine: 'postgres' })        // uses the app's TypeORM DataSource
 *   SearchModule.register({ engine: 'meilisearch', url, apiKey })
 *   SearchModule.fromEnvironment()                       // reads SEARCH_ENGINE… (search-config.ts)
 */
@Module({})
export class SearchModule {
  static register(config: SearchConfig): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      controllers: [SearchController],
      providers: [engineProvider(config), SearchSources, SearchIndexer],
      exports: [SearchEngine, SearchSources, SearchIndexer],
    };
  }

  /** Reads the configuration when the app module is built: a wrong variable stops the start. */
  static fromEnvironment(env: Record<string, string | undefined> = process.env): DynamicModule {
    return SearchModule.register(loadSearchConfig(env));
  }
}

function engineProvider(config: SearchConfig): Provider {
  switch (config.engine) {
    case 'postgres':
      return {
        provide: SearchEngine,
        inject: [getDataSourceToken()],
        useFactory: (dataSource: DataSource) => new PostgresSearchEngine(dataSource),
      };
    case 'meilisearch':
      return {
        provide: SearchEngine,
        useFactory: () => new MeilisearchSearchEngine({ url: config.url, apiKey: config.apiKey }),
      };
  }
}
