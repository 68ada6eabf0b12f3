export * from './lib/finance.module';
