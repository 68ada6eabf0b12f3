// What the app shell needs at start, and nothing else: importing the full barrel from the
// initial bundle would pull every shared component into it (esbuild places a module in the
// first chunk that reaches it, and a barrel reaches all its re-exports).
export * from './lib/i18n/languages';
export * from './lib/i18n/language.service';
export * from './lib/i18n/provide-communes-i18n';
export * from './lib/i18n/translated-title.strategy';
export * from './lib/language-switch/language-switch';
export * from './lib/shell/app-links.directive';
export * from './lib/shell/current-url';
