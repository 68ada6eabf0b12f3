import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { CommuneGoodPracticesController, GoodPracticeLibraryController } from './good-practices.controller';
import { GoodPracticesRepository } from './good-practices.repository';
import { GoodPracticesSearchSource } from './good-practices-search.source';
import { GoodPracticesService } from './good-practices.service';

/** Good practices. SearchSources comes from SearchModule, NotificationOutbox from its global module. */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [GoodPracticeLibraryController, CommuneGoodPracticesController],
  providers: [GoodPracticesRepository, GoodPracticesService, GoodPracticesSearchSource],
  exports: [GoodPracticesService, GoodPracticesRepository],
})
export class GoodPracticesModule {}
