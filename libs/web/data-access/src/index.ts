export * from './lib/api-config';
export * from './lib/api-error';
export * from './lib/communes-api';
export * from './lib/search-api';
export * from './lib/transparency-api';
export * from './lib/news-api';
