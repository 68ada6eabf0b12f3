import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { DocumentsModule } from '@communes/api-documents';
import { BudgetImportsService } from './budget-imports.service';
import { BudgetLineSearchSource } from './budget-line-search.source';
import { BudgetSourceFiles } from './budget-source-files';
import { BudgetsController } from './budgets.controller';
import { BudgetsRepository } from './budgets.repository';
import { BudgetsService } from './budgets.service';

/**
 * Budgets (primitif, collectif, exécuté): imports with a preview, publication, search, open
 * data. Needs `DocumentStorage`, `SearchSources` and `AppConfig` (global, from the API module).
 */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule, DocumentsModule],
  controllers: [BudgetsController],
  providers: [BudgetsRepository, BudgetsService, BudgetImportsService, BudgetSourceFiles, BudgetLineSearchSource],
  exports: [BudgetsRepository, BudgetsService],
})
export class FinanceModule {}
