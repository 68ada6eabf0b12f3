export * from './lib/good-practices.module';
export * from './lib/good-practices.service';
export * from './lib/good-practices.repository';
