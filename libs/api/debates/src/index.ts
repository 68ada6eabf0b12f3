export * from './lib/debates.module';
export * from './lib/debates.service';
export * from './lib/debates.repository';
export * from './lib/debate-comments-moderation.source';
