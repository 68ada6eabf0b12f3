// Demo content for the pilot communes: used by `npm start` and by the tests that check search
// relevance on what a newcomer actually sees.
export * from './lib/seed-demo-documents';
export * from './lib/seed-demo-agenda';
export * from './lib/seed-demo-news';
export * from './lib/seed-demo-budgets';
export * from './lib/seed-demo-contracts';
export * from './lib/seed-demo-branding';
export * from './lib/seed-demo-participation';
export * from './lib/seed-demo-sessions';
export * from './lib/seed-demo-good-practices';
export * from './lib/seed-demo-moderation';
