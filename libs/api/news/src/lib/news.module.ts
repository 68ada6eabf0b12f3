import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { NewsController } from './news.controller';
import { NewsRepository } from './news.repository';
import { NewsSearchSource } from './news-search.source';
import { NewsService } from './news.service';

/** News of the communes. Needs `SearchSources` (SearchModule) and the notifications outbox, registered by the API module. */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [NewsController],
  providers: [NewsRepository, NewsService, NewsSearchSource],
  exports: [NewsService],
})
export class NewsModule {}
