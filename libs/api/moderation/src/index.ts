export * from './lib/moderation.module';
export * from './lib/moderation.service';
export * from './lib/moderation-sources';
