export * from './lib/news.module';
export * from './lib/news.service';
export * from './lib/news.repository';
