import { MigrationInterface, QueryRunner } from 'typeorm';

/** (Being written.) */
export class Budgets1764000000000 implements MigrationInterface {
  name = 'Budgets1764000000000';

  async up(_q: QueryRunner): Promise<void> {
    return;
  }

  async down(_q: QueryRunner): Promise<void> {
    return;
  }
}
