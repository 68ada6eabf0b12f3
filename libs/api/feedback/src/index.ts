export * from './lib/feedback.module';
export * from './lib/feedback.service';
export * from './lib/feedback.repository';
export * from './lib/feedback-photo-image';
export * from './lib/participation-rate-limit';
export * from './lib/feedback-moderation.source';
