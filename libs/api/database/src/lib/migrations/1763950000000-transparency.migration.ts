import { MigrationInterface, QueryRunner } from 'typeorm';

/** (Being written.) */
export class Transparency1763950000000 implements MigrationInterface {
  name = 'Transparency1763950000000';

  async up(_q: QueryRunner): Promise<void> {
    return;
  }

  async down(_q: QueryRunner): Promise<void> {
    return;
  }
}
