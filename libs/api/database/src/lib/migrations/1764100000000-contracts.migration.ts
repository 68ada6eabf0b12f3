import { MigrationInterface, QueryRunner } from 'typeorm';

/** (Being written.) */
export class Contracts1764100000000 implements MigrationInterface {
  name = 'Contracts1764100000000';

  async up(_q: QueryRunner): Promise<void> {
    return;
  }

  async down(_q: QueryRunner): Promise<void> {
    return;
  }
}
