import { Module } from '@nestjs/common';

/** Budgets (primitif, collectif, exécuté): imports, publication, open data. (Being written.) */
@Module({})
export class FinanceModule {}
