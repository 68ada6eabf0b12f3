import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { FeedbackModule } from '@communes/api-feedback';
import { CouncilSessionsController } from './council-sessions.controller';
import { CouncilSessionsRepository } from './council-sessions.repository';
import { CouncilSessionsSearchSource } from './council-sessions-search.source';
import { CouncilSessionsService } from './council-sessions.service';
import { SessionEventsHub } from './session-events.hub';
import { SessionQuestionsModerationSource } from './session-questions-moderation.source';

/**
 * Council and accountability sessions, with live updates. Needs `SearchSources` (SearchModule,
 * registered by the API module); the participation rate limit comes from FeedbackModule.
 */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule, FeedbackModule],
  controllers: [CouncilSessionsController],
  providers: [CouncilSessionsRepository, CouncilSessionsService, CouncilSessionsSearchSource, SessionEventsHub, SessionQuestionsModerationSource],
  exports: [CouncilSessionsService, SessionEventsHub, SessionQuestionsModerationSource],
})
export class CouncilSessionsModule {}
