import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentTextWorker } from './document-text.worker';
import { DocumentSearchSource } from './document-search.source';
import { UploadIntentSweeper } from './upload-intent.sweeper';

/** Needs `DocumentStorage` and `SearchSources` (StorageModule and SearchModule, registered by the API module). */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService, DocumentTextWorker, DocumentSearchSource, UploadIntentSweeper],
  exports: [DocumentsRepository, DocumentsService, DocumentTextWorker, UploadIntentSweeper],
})
export class DocumentsModule {}
