import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { FeedbackModule } from '@communes/api-feedback';
import { DebatesController } from './debates.controller';
import { DebatesRepository } from './debates.repository';
import { DebatesSearchSource } from './debates-search.source';
import { DebatesService } from './debates.service';
import { DebateCommentsModerationSource } from './debate-comments-moderation.source';

/** Debates. FeedbackModule lends its participation rate limit; SearchSources comes from SearchModule. */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule, FeedbackModule],
  controllers: [DebatesController],
  providers: [DebatesRepository, DebatesService, DebatesSearchSource, DebateCommentsModerationSource],
  exports: [DebatesService, DebateCommentsModerationSource],
})
export class DebatesModule {}
