import { MigrationInterface, QueryRunner } from 'typeorm';

/** (Being written.) */
export class Search1763900000000 implements MigrationInterface {
  name = 'Search1763900000000';

  async up(_q: QueryRunner): Promise<void> {
    return;
  }

  async down(_q: QueryRunner): Promise<void> {
    return;
  }
}
