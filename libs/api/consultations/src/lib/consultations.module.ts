import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsSearchSource } from './consultations-search.source';
import { ConsultationsService } from './consultations.service';

/** Consultations. Needs `SearchSources` (SearchModule, registered by the API module). */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsRepository, ConsultationsService, ConsultationsSearchSource],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
