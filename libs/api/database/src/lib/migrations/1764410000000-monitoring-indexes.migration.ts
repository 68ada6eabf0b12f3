import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ministry's publication figures probe, for each commune, its latest published document and
 * contract: these partial indexes make each probe a few index pages, whatever the commune
 * published over the years (documents already have (commune_id, published_at) for non-drafts).
 */
export class MonitoringIndexes1764410000000 implements MigrationInterface {
  name = 'MonitoringIndexes1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index contracts_commune_published_at_idx on contracts (commune_id, published_at desc) where state = 'published';
      create index documents_commune_last_published_idx on documents (commune_id, published_at desc) where state = 'published';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists documents_commune_last_published_idx;
      drop index if exists contracts_commune_published_at_idx;
    `);
  }
}
