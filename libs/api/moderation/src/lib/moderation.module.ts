import { Global, Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { CouncilSessionsModule, SessionQuestionsModerationSource } from '@communes/api-council-sessions';
import { DebateCommentsModerationSource, DebatesModule } from '@communes/api-debates';
import { FeedbackModerationSource, FeedbackModule } from '@communes/api-feedback';
import { MODERATION_DECISION_HOOK } from '@communes/shared-contracts';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { ModerationSources } from './moderation-sources';

/**
 * Reports and moderation of citizen content. Each feature exports its `ModeratedContentSource`
 * (the port, in shared contracts) and this module registers it: moderation depends on the
 * features, never on their tables. FeedbackModule also lends the participation rate limit.
 * Global for one provider: `MODERATION_DECISION_HOOK`, which the features call after their own
 * hide endpoints (they cannot import this lib, which imports them).
 */
@Global()
@Module({
  imports: [AuditModule, AuthModule, CommunesModule, FeedbackModule, DebatesModule, CouncilSessionsModule],
  controllers: [ModerationController],
  providers: [
    ModerationRepository,
    ModerationService,
    { provide: MODERATION_DECISION_HOOK, useExisting: ModerationService },
    {
      provide: ModerationSources,
      inject: [FeedbackModerationSource, DebateCommentsModerationSource, SessionQuestionsModerationSource],
      useFactory: (...sources: [FeedbackModerationSource, DebateCommentsModerationSource, SessionQuestionsModerationSource]) => new ModerationSources(sources),
    },
  ],
  exports: [ModerationService, MODERATION_DECISION_HOOK],
})
export class ModerationModule {}
