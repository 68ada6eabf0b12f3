import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';
import { PostgresSearchEngine } from './postgres-search-engine';
import { loadSearchConfig, SearchConfig } from './search-config';
import { SearchEngine } from './search-engine';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer.service';
import { SearchService } from './search.service';
import { CommuneNamesRepository } from './commune-names.repository';
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
      providers: [engineProvider(config), SearchSources],
      exports: [SearchEngine, SearchSources],
    };
  }

  /** Reads the configuration when the app module is built: a wrong variable stops the start. */
  static fromEnvironment(env: Record<string, string | undefined> = process.env): DynamicModule {
    return SearchModule.register(loadSearchConfig(env));
  }
}

/**
 * The search feature on top of the port: the public search endpoint and the indexer that
 * drains the outbox (needs the database; SearchModule must be registered too).
 */
@Module({ controllers: [SearchController], providers: [SearchIndexer, SearchService, CommuneNamesRepository], exports: [SearchIndexer] })
export class SearchFeatureModule {}

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
