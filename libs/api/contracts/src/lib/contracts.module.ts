import { Module } from '@nestjs/common';

/** Contracts awarded (marchés): imports, publication, OCDS. (Being written.) */
@Module({})
export class ContractsModule {}
