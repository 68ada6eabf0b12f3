// The moderation pieces other pages put beside citizen content (debate comments, session
// questions...), and nothing else: importing the full barrel (`@communes/web-participation`)
// would pull the participation routes and their French texts into the importing page's chunk
// (esbuild places a module in the first chunk that reaches it, and a barrel reaches all its
// re-exports).
export * from './lib/moderation/report-button';
export * from './lib/moderation/hidden-notice';
