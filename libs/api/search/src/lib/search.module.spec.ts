import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeilisearchSearchEngine } from './meilisearch-search-engine';
import { PostgresSearchEngine } from './postgres-search-engine';
import { SearchEngine } from './search-engine';
import { SearchModule } from './search.module';

/** Stands in for the app's TypeORM module (nothing connects: the engine only keeps the DataSource). */
@Global()
@Module({
  providers: [{ provide: getDataSourceToken(), useValue: new DataSource({ type: 'postgres' }) }],
  exports: [getDataSourceToken()],
})
class FakeTypeOrmModule {}

describe('SearchModule', () => {
  it('provides the PostgreSQL engine on the app DataSource', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FakeTypeOrmModule, SearchModule.register({ engine: 'postgres' })],
    }).compile();
    expect(moduleRef.get(SearchEngine)).toBeInstanceOf(PostgresSearchEngine);
  });

  it('provides the Meilisearch engine', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SearchModule.register({ engine: 'meilisearch', url: 'http://127.0.0.1:7700', apiKey: 'k' })],
    }).compile();
    expect(moduleRef.get(SearchEngine)).toBeInstanceOf(MeilisearchSearchEngine);
  });

  it('chooses from the environment', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SearchModule.fromEnvironment({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://127.0.0.1:7700' })],
    }).compile();
    expect(moduleRef.get(SearchEngine)).toBeInstanceOf(MeilisearchSearchEngine);
    expect(() => SearchModule.fromEnvironment({ SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE/);
  });
});
