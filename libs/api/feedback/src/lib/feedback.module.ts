import { Module } from '@nestjs/common';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { FeedbackController } from './feedback.controller';
import { FeedbackPhotosController } from './feedback-photos.controller';
import { FeedbackPhotosRepository } from './feedback-photos.repository';
import { FeedbackPhotosService } from './feedback-photos.service';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackSearchSource } from './feedback-search.source';
import { FeedbackModerationSource } from './feedback-moderation.source';
import { FeedbackService } from './feedback.service';
import { ParticipationRateLimiter, ParticipationRateLimitGuard } from './participation-rate-limit';

/** Doléances and suggestions. Needs `SearchSources` (SearchModule, registered by the API module). */
@Module({
  imports: [AuditModule, AuthModule, CommunesModule],
  controllers: [FeedbackController, FeedbackPhotosController],
  providers: [FeedbackRepository, FeedbackService, FeedbackPhotosRepository, FeedbackPhotosService, FeedbackSearchSource, FeedbackModerationSource, ParticipationRateLimiter, ParticipationRateLimitGuard],
  exports: [FeedbackService, FeedbackModerationSource, ParticipationRateLimiter, ParticipationRateLimitGuard],
})
export class FeedbackModule {}
