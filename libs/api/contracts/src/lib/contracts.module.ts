import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { DocumentsModule } from '@communes/api-documents';
import { ContractImportsService } from './contract-imports.service';
import { ContractSearchSource } from './contract-search.source';
import { ContractsOpenDataController } from './contracts-open-data.controller';
import { ContractsOpenDataService } from './contracts-open-data.service';
import { ContractsController } from './contracts.controller';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';

/**
 * Contracts awarded (marchés): imports, publication, search, OCDS open data.
 * Needs `DocumentStorage` and `SearchSources` (StorageModule and SearchModule, registered by the API module).
 */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule, DocumentsModule],
  controllers: [ContractsController, ContractsOpenDataController],
  providers: [ContractsRepository, ContractsService, ContractImportsService, ContractsOpenDataService, ContractSearchSource],
  exports: [ContractsRepository, ContractsService],
})
export class ContractsModule {}
