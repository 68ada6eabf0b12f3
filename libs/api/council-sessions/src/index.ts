export * from './lib/council-sessions.module';
export * from './lib/council-sessions.service';
export * from './lib/council-sessions.repository';
export * from './lib/session-events.hub';
export * from './lib/stream-url';
export * from './lib/session-questions-moderation.source';
