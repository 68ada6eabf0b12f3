import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaSearchSource } from './agenda-search.source';
import { AgendaService } from './agenda.service';

/** The mayor's agenda. Needs `SearchSources` (SearchModule, registered by the API module). */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [AgendaController],
  providers: [AgendaRepository, AgendaService, AgendaSearchSource],
  exports: [AgendaService],
})
export class AgendaModule {}
